/**
 * Every feature's print views, registered by the feature's own printViews.ts (renderer/print/printRegistry.ts).
 * A new feature with a print view adds its import here; nothing else changes.
 */
import '../features/mode/printViews';
import '../features/command/printViews';
import '../features/duty/printViews';
import '../features/board/printViews';
import '../features/risk-areas/printViews';
