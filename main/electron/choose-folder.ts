import { app, BrowserWindow, dialog, type WebContents } from 'electron';
import { saveDataDirChoice } from './data-folder';

/**
 * "选择数据文件夹": records the choice in location.json (used from the next start) and offers to restart now.
 * The running app keeps its open database until then.
 */
export async function chooseDataFolder(sender: WebContents | null, currentDir: string): Promise<string | null> {
  const parent = sender ? BrowserWindow.fromWebContents(sender) : null;
  const options = {
    title: '选择数据文件夹',
    defaultPath: currentDir,
    buttonLabel: '使用此文件夹',
    properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'>,
  };
  const picked = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  const dir = picked.canceled ? undefined : picked.filePaths[0];
  if (!dir || dir === currentDir) return null;
  saveDataDirChoice(app.getPath('userData'), dir);
  const confirm = {
    type: 'info' as const,
    title: '数据文件夹',
    message: `下次启动时将使用数据文件夹：\n${dir}`,
    detail: '当前数据不会被移动或复制。现在重新启动吗？',
    buttons: ['立即重启', '稍后'],
    defaultId: 0,
    cancelId: 1,
  };
  const answer = parent ? await dialog.showMessageBox(parent, confirm) : await dialog.showMessageBox(confirm);
  if (answer.response === 0) {
    app.relaunch();
    app.quit();
  }
  return dir;
}
