import path from 'node:path';
import { app, dialog, ipcMain, Menu, protocol, session, shell, type BrowserWindow } from 'electron';
import { AppError } from '../../shared/api/errors';
import type { Clock } from '../../shared/domain/clock';
import { openApp, type OpenedApp } from '../services/app';
import { openBaseMap } from '../services/basemap';
import { appIndexUrl, appScheme, appSchemePrivileges, createAppRequestHandler } from './app-protocol';
import { chooseDataFolder } from './choose-folder';
import { defaultDataDir, locationFile, resolveDataDir } from './data-folder';
import { registerApiIpc, registerDesktopIpc } from './ipc';
import { menuTemplate } from './menu';
import { printToPdf } from './print';
import { createSecureWindow, guardWebContents, hardenSession } from './secure-window';

export interface DesktopPaths {
  appRoot: string;
  rendererDir: string;
  resourcesDir: string;
  preload: string;
}

/** In development the app root is the project folder; packaged, it is resources/app.asar and resources/ sits beside it. */
export function desktopPaths(): DesktopPaths {
  const appRoot = app.getAppPath();
  return {
    appRoot,
    rendererDir: path.join(appRoot, 'dist', 'renderer'),
    resourcesDir: app.isPackaged ? path.join(process.resourcesPath, 'resources') : path.join(appRoot, 'resources'),
    preload: path.join(appRoot, 'dist', 'main', 'preload.cjs'),
  };
}

export interface RunningDesktop {
  opened: OpenedApp;
  window: BrowserWindow;
}

/** The message shown when the data folder cannot be opened: the service's own words, never a stack trace. */
export function startupErrorMessage(err: unknown, dataDir: string, userData: string, custom: boolean): string {
  const base = err instanceof AppError ? err.message : `无法打开数据文件夹 ${dataDir}：${(err as Error)?.message ?? String(err)}`;
  return custom ? `${base}\n\n数据文件夹由 ${locationFile(userData)} 指定；删除该文件即可恢复默认位置。` : base;
}

export interface DesktopOptions {
  /** The clock to run on; the real time by default (tests and, later, drills pass another). */
  clock?: Clock;
}

/**
 * Starts the desktop shell. Resolves to null when this copy should not run (another copy holds the
 * single-instance lock, or the data folder could not be opened and the user was told why).
 */
export async function startDesktop(options: DesktopOptions = {}): Promise<RunningDesktop | null> {
  protocol.registerSchemesAsPrivileged([appSchemePrivileges]); // must happen before `ready`
  app.enableSandbox(); // every renderer sandboxed, whatever a window's options say
  if (process.platform === 'win32') app.setAppUserModelId('cn.streetcommand.app'); // taskbar grouping, same as the installer

  if (!app.requestSingleInstanceLock()) {
    app.quit(); // the first copy receives 'second-instance' and comes to the front
    return null;
  }
  let mainWindow: BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));

  await app.whenReady();
  const paths = desktopPaths();
  const userData = app.getPath('userData');
  const choice = resolveDataDir(userData);
  if (choice.problem) console.warn(`[desktop] ${choice.problem}`);

  let opened: OpenedApp;
  try {
    opened = openApp({ dataDir: choice.dataDir, resourcesDir: paths.resourcesDir, shell: 'desktop', version: app.getVersion(), clock: options.clock, checkOutputs: !app.isPackaged });
  } catch (err) {
    const custom = choice.dataDir !== defaultDataDir(userData);
    dialog.showErrorBox('StreetCommand 无法启动', startupErrorMessage(err, choice.dataDir, userData, custom));
    app.exit(1);
    return null;
  }
  const { ctx } = opened;
  let closed = false;
  app.on('will-quit', () => {
    if (closed) return;
    closed = true;
    opened.close();
  });
  app.on('window-all-closed', () => app.quit());

  hardenSession(session.defaultSession);
  protocol.handle(appScheme, createAppRequestHandler({ rendererDir: paths.rendererDir, tiles: () => openBaseMap(ctx) }));
  registerApiIpc(ipcMain, () => ctx);
  registerDesktopIpc(ipcMain, {
    printToPdf: (event, fileName) => printToPdf(event.sender, fileName, ctx.now),
    chooseDataFolder: (event) => chooseDataFolder(event.sender, ctx.dataDir),
  });

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({
        isPackaged: app.isPackaged,
        chooseDataFolder: () => void chooseDataFolder(mainWindow?.webContents ?? null, ctx.dataDir),
        openDataFolder: () => void shell.openPath(ctx.dataDir),
        about: () =>
          void dialog.showMessageBox({
            type: 'info',
            title: '关于 StreetCommand',
            message: `街道应急指挥台 StreetCommand ${app.getVersion()}`,
            detail: `数据文件夹：${ctx.dataDir}`,
          }),
      }),
    ),
  );

  const win = createSecureWindow({ preload: paths.preload });
  mainWindow = win;
  win.once('ready-to-show', () => win.show());
  win.loadURL(appIndexUrl).catch((err: unknown) => console.error(`[desktop] cannot load ${appIndexUrl}: ${(err as Error).message}`));
  return { opened, window: win };
}
