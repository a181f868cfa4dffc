import { registerPrintView } from '../../print/printRegistry';
import { StreetMapPrint } from './StreetMapPrint';

// 街道图 (#/print/street-map, ?community=<code>), opened from 态势总览.
registerPrintView({ id: 'street-map', titleKey: 'print.streetMap.title', orientation: 'landscape', Component: StreetMapPrint });
