import { app, BrowserWindow, type BrowserWindowConstructorOptions, type Session, type WebContents } from 'electron';
import { isAppUrl } from './app-protocol';

/**
 * The one place that locks a window down (STYLE.md section 6): isolated, sandboxed preload, no Node, no webview,
 * no popups, no navigation away from app://streetcommand, devtools only in development.
 */
export interface SecureWindowOptions {
  preload: string;
  title?: string;
  width?: number;
  height?: number;
  show?: boolean;
  parent?: BrowserWindow;
}

function secureWebPreferences(preload: string): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools: !app.isPackaged,
  };
}

export function createSecureWindow(opts: SecureWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    title: opts.title ?? '街道应急指挥台 StreetCommand',
    width: opts.width ?? 1440,
    height: opts.height ?? 900,
    minWidth: 1024,
    minHeight: 700,
    show: opts.show ?? false,
    parent: opts.parent,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(opts.preload),
  });
  guardWebContents(win.webContents);
  return win;
}

/** Denies popups, off-origin navigation and webviews. Also applied to every webContents the app creates. */
const guarded = new WeakSet<WebContents>();

export function guardWebContents(contents: WebContents): void {
  if (guarded.has(contents)) return;
  guarded.add(contents);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const blockOffOrigin = (event: { preventDefault(): void; url?: string }, url?: string) => {
    if (!isAppUrl(event.url ?? url)) event.preventDefault();
  };
  contents.on('will-navigate', blockOffOrigin);
  contents.on('will-frame-navigate', blockOffOrigin);
  contents.on('will-redirect', blockOffOrigin);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Every permission (camera, geolocation, notifications, clipboard read, ...) is refused, asked or checked. */
export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // The app works offline; no page may talk to the network even if the CSP were bypassed.
  ses.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'] }, (details, callback) => {
    console.warn(`[desktop] blocked network request: ${details.url}`);
    callback({ cancel: true });
  });
}
