import { registerPrintView } from '../../print/printRegistry';
import { CommandSheetPrint } from './CommandSheetPrint';

// 指挥体系表 (#/print/command), opened from 指挥体系.
registerPrintView({ id: 'command', titleKey: 'print.command.title', orientation: 'portrait', Component: CommandSheetPrint });
