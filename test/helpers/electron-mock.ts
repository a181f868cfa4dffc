import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/**
 * A stand-in for the 'electron' module (the real binary cannot run in tests). Use it with
 *   vi.mock('electron', async () => (await import('../helpers/electron-mock')).electronModule);
 * and inspect `fake` to see what the shell registered.
 */
type Listener = (...args: never[]) => unknown;

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  printToPDF = vi.fn(async (_options: unknown) => Buffer.from('%PDF-1.7\n% fake pdf from the mock\n'));
}

export class FakeBrowserWindow extends EventEmitter {
  static all: FakeBrowserWindow[] = [];
  static fromWebContents(contents: unknown): FakeBrowserWindow | null {
    return FakeBrowserWindow.all.find((w) => w.webContents === contents) ?? null;
  }
  readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> };
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  minimized = false;
  loadURL = vi.fn(async (url: string) => {
    this.loadedUrl = url;
  });
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn(() => {
    this.minimized = false;
  });
  isMinimized = () => this.minimized;
  isDestroyed = () => false;
  constructor(options: Record<string, unknown>) {
    super();
    this.options = options;
    FakeBrowserWindow.all.push(this);
  }
}

function freshState() {
  return {
    calls: [] as string[], // order of notable calls, e.g. 'registerSchemesAsPrivileged', 'whenReady'
    userData: '',
    appPath: '',
    isPackaged: false,
    singleInstance: true,
    version: '0.1.0-test',
    appListeners: new Map<string, Listener[]>(),
    ipcHandlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
    protocolHandlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
    privilegedSchemes: [] as unknown[],
    permissionRequestHandler: null as null | ((wc: unknown, permission: string, cb: (granted: boolean) => void, details: unknown) => void),
    permissionCheckHandler: null as null | ((wc: unknown, permission: string, origin: string, details: unknown) => boolean),
    devicePermissionHandler: null as null | ((details: unknown) => boolean),
    beforeRequest: null as null | { filter: { urls: string[] }; listener: (details: { url: string }, cb: (r: { cancel?: boolean }) => void) => void },
    menu: null as unknown,
    exposed: new Map<string, unknown>(),
    dialog: {
      errorBoxes: [] as { title: string; content: string }[],
      saveResult: { canceled: true, filePath: '' } as { canceled: boolean; filePath?: string },
      openResult: { canceled: true, filePaths: [] as string[] },
      messageBoxResponse: 1,
    },
    exitCode: null as number | null,
    quitCalls: 0,
    relaunchCalls: 0,
    openedPaths: [] as string[],
  };
}

export const fake = freshState();

export function resetFakeElectron(): void {
  Object.assign(fake, freshState());
  FakeBrowserWindow.all = [];
  ipcRenderer.invoke.mockReset();
}

export function emitApp(event: string, ...args: unknown[]): void {
  for (const l of fake.appListeners.get(event) ?? []) (l as (...a: unknown[]) => unknown)({ preventDefault() {} }, ...args);
}

const app = {
  on(event: string, listener: Listener) {
    fake.appListeners.set(event, [...(fake.appListeners.get(event) ?? []), listener]);
    return app;
  },
  whenReady: async () => {
    fake.calls.push('whenReady');
  },
  requestSingleInstanceLock: () => fake.singleInstance,
  enableSandbox: () => void fake.calls.push('enableSandbox'),
  setAppUserModelId: (_id: string) => {},
  quit: () => {
    fake.quitCalls++;
  },
  exit: (code = 0) => {
    fake.exitCode = code;
  },
  relaunch: () => {
    fake.relaunchCalls++;
  },
  getPath: (name: string) => {
    if (name === 'userData') return fake.userData;
    if (name === 'documents') return fake.userData;
    throw new Error(`fake getPath(${name}) not implemented`);
  },
  getAppPath: () => fake.appPath,
  getVersion: () => fake.version,
  get isPackaged() {
    return fake.isPackaged;
  },
};

export const ipcRenderer = { invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => undefined) };

export const electronModule = {
  app,
  BrowserWindow: FakeBrowserWindow,
  dialog: {
    showErrorBox: (title: string, content: string) => void fake.dialog.errorBoxes.push({ title, content }),
    showSaveDialog: vi.fn(async (..._args: unknown[]) => fake.dialog.saveResult),
    showOpenDialog: vi.fn(async (..._args: unknown[]) => fake.dialog.openResult),
    showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: fake.dialog.messageBoxResponse, checkboxChecked: false })),
  },
  ipcMain: {
    handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) => {
      if (fake.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      fake.ipcHandlers.set(channel, handler);
    },
  },
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => {
      fake.calls.push('registerSchemesAsPrivileged');
      fake.privilegedSchemes.push(...schemes);
    },
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) => void fake.protocolHandlers.set(scheme, handler),
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (h: typeof fake.permissionRequestHandler) => void (fake.permissionRequestHandler = h),
      setPermissionCheckHandler: (h: typeof fake.permissionCheckHandler) => void (fake.permissionCheckHandler = h),
      setDevicePermissionHandler: (h: typeof fake.devicePermissionHandler) => void (fake.devicePermissionHandler = h),
      webRequest: {
        onBeforeRequest: (filter: { urls: string[] }, listener: NonNullable<typeof fake.beforeRequest>['listener']) =>
          void (fake.beforeRequest = { filter, listener }),
      },
    },
  },
  Menu: {
    buildFromTemplate: (template: unknown) => template,
    setApplicationMenu: (menu: unknown) => void (fake.menu = menu),
  },
  shell: {
    openPath: async (p: string) => {
      fake.openedPaths.push(p);
      return '';
    },
    openExternal: async () => {
      throw new Error('openExternal must not be used');
    },
  },
  contextBridge: {
    exposeInMainWorld: (key: string, value: unknown) => void fake.exposed.set(key, value),
  },
  ipcRenderer,
};
