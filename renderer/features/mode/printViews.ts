import { registerPrintView } from '../../print/printRegistry';
import { BriefingPrint } from './BriefingPrint';

// 简报 (#/print/briefing), opened from 平急转换.
registerPrintView({ id: 'briefing', titleKey: 'print.briefing.title', orientation: 'portrait', Component: BriefingPrint });
