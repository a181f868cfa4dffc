// The desktop shell's entry (bundled to dist/main/electron.cjs). Everything lives in desktop.ts so tests can drive it.
import { app, dialog } from 'electron';
import { startDesktop } from './desktop';

startDesktop().catch((err: unknown) => {
  // Unexpected: the details go to the log, the user gets one sentence.
  console.error('[desktop] failed to start:', err);
  dialog.showErrorBox('StreetCommand 无法启动', `启动失败：${(err as Error)?.message ?? String(err)}`);
  app.exit(1);
});
