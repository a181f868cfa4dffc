import { registerPrintView } from '../../print/printRegistry';
import { DutyRosterPrint } from './DutyRosterPrint';

// 值班表 (#/print/duty?week=YYYY-MM-DD or ?month=YYYY-MM), opened from 值班; the view titles itself by period.
registerPrintView({ id: 'duty', titleKey: 'print.duty.title', orientation: 'portrait', Component: DutyRosterPrint });
