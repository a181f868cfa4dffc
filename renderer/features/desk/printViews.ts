import { registerPrintView } from '../../print/printRegistry';
import { HandoverPrint } from './HandoverPrint';

// 交接班记录 (#/print/handover[?id=]), opened from the handover dialog once the desk is handed over.
registerPrintView({ id: 'handover', titleKey: 'print.handover.title', orientation: 'portrait', Component: HandoverPrint });
