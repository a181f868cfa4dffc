import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { emitApp, electronModule, fake, FakeBrowserWindow, FakeWebContents, resetFakeElectron } from '../helpers/electron-mock';
import { lockDataFolder } from '../../main/db/lock';
import { createClock } from '../../shared/domain/clock';

vi.mock('electron', async () => (await import('../helpers/electron-mock')).electronModule);

const { startDesktop } = await import('../../main/electron/desktop');
const repoRoot = path.resolve(__dirname, '..', '..');

type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;
const trusted = (url = 'app://streetcommand/index.html#/board', sender?: unknown) => ({ senderFrame: { url }, sender });
const ipc = (channel: string) => fake.ipcHandlers.get(channel) as Handler;

// The desktop shell against a real SQLite database in a temp dir, with Electron replaced by a fake.
describe('desktop shell (mocked Electron, real database)', () => {
  let userData: string;
  let running: Awaited<ReturnType<typeof startDesktop>>;

  beforeEach(() => {
    resetFakeElectron();
    userData = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-desktop-'));
    fake.userData = userData;
    fake.appPath = repoRoot;
    running = null;
  });
  afterEach(() => {
    emitApp('will-quit'); // closes the database and releases the data-folder lock
    fs.rmSync(userData, { recursive: true, force: true });
  });

  test('registers the privileged app:// scheme before ready and loads the renderer from it', async () => {
    running = await startDesktop();
    expect(fake.calls.indexOf('registerSchemesAsPrivileged')).toBeLessThan(fake.calls.indexOf('whenReady'));
    expect(fake.calls.indexOf('enableSandbox')).toBeLessThan(fake.calls.indexOf('whenReady'));
    expect(fake.calls.indexOf('enableSandbox')).toBeGreaterThanOrEqual(0);
    expect(fake.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(fake.protocolHandlers.has('app')).toBe(true);
    expect(FakeBrowserWindow.all).toHaveLength(1);
    const win = FakeBrowserWindow.all[0];
    expect(win.loadedUrl).toBe('app://streetcommand/index.html');
    expect(win.options.webPreferences).toMatchObject({ preload: path.join(repoRoot, 'dist', 'main', 'preload.cjs'), sandbox: true, contextIsolation: true });
    // The permission handlers are in place on the default session.
    const answers: boolean[] = [];
    fake.permissionRequestHandler!({}, 'geolocation', (g) => answers.push(g), {});
    expect(answers).toEqual([false]);
    // Any other webContents the app ever creates gets the same guards.
    const other = new FakeWebContents();
    emitApp('web-contents-created', other);
    expect(other.windowOpenHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    const nav = { url: 'https://example.com', prevented: false, preventDefault() {
      nav.prevented = true;
    } };
    other.emit('will-navigate', nav, nav.url);
    expect(nav.prevented).toBe(true);
  });

  test('the api channel answers getAppInfo from a real database in userData/data', async () => {
    running = await startDesktop();
    const result = (await ipc('api')(trusted(), 'getAppInfo', {})) as { ok: boolean; value: { shell: string; dataDir: string; schemaVersion: number; version: string } };
    expect(result.ok).toBe(true);
    expect(result.value.shell).toBe('desktop');
    expect(result.value.version).toBe('0.1.0-test');
    expect(result.value.dataDir).toBe(path.join(userData, 'data'));
    expect(result.value.schemaVersion).toBeGreaterThan(0);
    expect(fs.existsSync(path.join(userData, 'data', 'streetcommand.sqlite'))).toBe(true);
    // Bad input is answered by the contract, not thrown; a change with nobody at the desk by the desk rule (issue 9).
    const bad = (await ipc('api')(trusted(), 'getDutyRoster', { period: 'year' })) as { ok: boolean; error: { code: string } };
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const refused = (await ipc('api')(trusted(), 'saveSettings', { idleLockMinutes: -5 })) as { ok: boolean; error: { code: string } };
    expect(refused).toMatchObject({ ok: false, error: { code: 'signed_out' } });
    const unknown = (await ipc('api')(trusted(), 'dropEverything', {})) as { error: { code: string } };
    expect(unknown.error.code).toBe('not_found');
  });

  test('a sender from another origin is refused and changes nothing', async () => {
    running = await startDesktop();
    for (const event of [
      trusted('https://evil.example/'),
      trusted('file:///home/user/page.html'),
      trusted('app://streetcommand.evil/index.html'),
      trusted('http://127.0.0.1:5178/'),
      { senderFrame: null },
    ]) {
      const r = (await ipc('api')(event, 'saveSettings', { unitName: '被篡改' })) as { ok: boolean; error: { code: string; message: string } };
      expect(r.ok).toBe(false);
      expect(r.error.code).toBe('unauthorized');
      expect(r.error.message).toContain('拒绝');
      await expect(ipc('print-to-pdf')(event)).rejects.toThrow(/拒绝/);
      await expect(ipc('choose-data-folder')(event)).rejects.toThrow(/拒绝/);
    }
    const info = (await ipc('api')(trusted(), 'getAppInfo', {})) as { value: { settings: { unitName: string } } };
    expect(info.value.settings.unitName).not.toBe('被篡改');
  });

  test('print-to-pdf prints the sender page on A4 and saves where the user chose', async () => {
    running = await startDesktop();
    const win = FakeBrowserWindow.all[0];
    const target = path.join(userData, '简报.pdf');
    fake.dialog.saveResult = { canceled: false, filePath: target };
    const saved = await ipc('print-to-pdf')(trusted('app://streetcommand/index.html#/print/briefing', win.webContents), '每日简报 2022/06/01');
    expect(saved).toBe(target);
    expect(win.webContents.printToPDF).toHaveBeenCalledWith({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    expect(fs.readFileSync(target, 'utf8')).toMatch(/^%PDF-/);
    // The suggested name has no folder separators.
    const saveCall = electronModule.dialog.showSaveDialog.mock.calls.at(-1)!;
    const options = saveCall.at(-1) as { defaultPath: string };
    expect(path.basename(options.defaultPath)).toBe('每日简报 2022_06_01.pdf');

    fake.dialog.saveResult = { canceled: true, filePath: '' };
    win.webContents.printToPDF.mockClear();
    expect(await ipc('print-to-pdf')(trusted(undefined, win.webContents))).toBeNull();
    expect(win.webContents.printToPDF).not.toHaveBeenCalled();
  });

  test('a PDF without a suggested name is named by the clock the app runs on, not the wall clock', async () => {
    // A drill's clock: 2022-06-02 00:30 Beijing time, stopped so the minute cannot roll over during the test.
    running = await startDesktop({ clock: createClock({ start: Date.UTC(2022, 5, 1, 16, 30), rate: 0, realNow: Date.now }) });
    const win = FakeBrowserWindow.all[0];
    fake.dialog.saveResult = { canceled: true, filePath: '' };
    expect(await ipc('print-to-pdf')(trusted('app://streetcommand/index.html#/print/briefing', win.webContents))).toBeNull();
    const options = electronModule.dialog.showSaveDialog.mock.calls.at(-1)!.at(-1) as { defaultPath: string };
    expect(path.basename(options.defaultPath)).toBe('StreetCommand-20220602-0030.pdf');
    // The API answers the same clock.
    const clock = (await ipc('api')(trusted(), 'getClock', {})) as { ok: boolean; value: { now: number; rate: number } };
    expect(clock).toEqual({ ok: true, value: { now: Date.UTC(2022, 5, 1, 16, 30), rate: 0 } });
  });

  test('choosing a data folder writes location.json, and the next start uses it', async () => {
    running = await startDesktop();
    const other = path.join(userData, 'elsewhere');
    fake.dialog.openResult = { canceled: false, filePaths: [other] };
    fake.dialog.messageBoxResponse = 1; // "稍后"
    expect(await ipc('choose-data-folder')(trusted())).toBe(other);
    expect(JSON.parse(fs.readFileSync(path.join(userData, 'location.json'), 'utf8'))).toEqual({ dataDir: other });
    expect(fake.relaunchCalls).toBe(0);
    // The running app keeps its folder until restart.
    const before = (await ipc('api')(trusted(), 'getAppInfo', {})) as { value: { dataDir: string } };
    expect(before.value.dataDir).toBe(path.join(userData, 'data'));

    emitApp('will-quit');
    resetFakeElectron();
    fake.userData = userData;
    fake.appPath = repoRoot;
    running = await startDesktop();
    const after = (await ipc('api')(trusted(), 'getAppInfo', {})) as { value: { dataDir: string } };
    expect(after.value.dataDir).toBe(other);
    expect(fs.existsSync(path.join(other, 'streetcommand.sqlite'))).toBe(true);
  });

  test('"restart now" relaunches the app', async () => {
    running = await startDesktop();
    fake.dialog.openResult = { canceled: false, filePaths: [path.join(userData, 'x')] };
    fake.dialog.messageBoxResponse = 0;
    await ipc('choose-data-folder')(trusted());
    expect(fake.relaunchCalls).toBe(1);
    expect(fake.quitCalls).toBe(1);
  });

  test('a data folder locked by another copy shows one clear error box and quits', async () => {
    const dataDir = path.join(userData, 'data');
    const release = lockDataFolder(dataDir, 'host');
    try {
      running = await startDesktop();
    } finally {
      release();
    }
    expect(running).toBeNull();
    expect(fake.dialog.errorBoxes).toHaveLength(1);
    const { title, content } = fake.dialog.errorBoxes[0];
    expect(title).toBe('StreetCommand 无法启动');
    expect(content).toContain('正被另一个 StreetCommand');
    expect(content).toContain('浏览器主机');
    expect(content).not.toMatch(/\n\s+at /); // no stack trace
    expect(fake.exitCode).toBe(1);
    expect(FakeBrowserWindow.all).toHaveLength(0);
    expect(fake.ipcHandlers.size).toBe(0);
  });

  test('a database from a newer version is refused with its message, untouched', async () => {
    const dataDir = path.join(userData, 'data');
    fs.mkdirSync(dataDir, { recursive: true });
    const file = path.join(dataDir, 'streetcommand.sqlite');
    const db = new Database(file);
    db.pragma('user_version = 999');
    db.close();
    running = await startDesktop();
    expect(running).toBeNull();
    expect(fake.dialog.errorBoxes[0].content).toContain('更新版本');
    expect(fake.exitCode).toBe(1);
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(999);
    check.close();
    // The failed start released the lock.
    expect(fs.existsSync(path.join(dataDir, 'streetcommand.lock'))).toBe(false);
  });

  test('an unusable location.json names itself in the error', async () => {
    const blocker = path.join(userData, 'a-file');
    fs.writeFileSync(blocker, 'not a folder');
    fs.writeFileSync(path.join(userData, 'location.json'), JSON.stringify({ dataDir: path.join(blocker, 'data') }));
    running = await startDesktop();
    expect(running).toBeNull();
    const { content } = fake.dialog.errorBoxes[0];
    expect(content).toContain(path.join(blocker, 'data'));
    expect(content).toContain('location.json');
  });

  test('a second copy quits at once; the first comes to the front', async () => {
    running = await startDesktop();
    const win = FakeBrowserWindow.all[0];
    win.minimized = true;
    emitApp('second-instance', ['streetcommand'], '/');
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();

    emitApp('will-quit');
    resetFakeElectron();
    fake.userData = userData;
    fake.appPath = repoRoot;
    fake.singleInstance = false;
    expect(await startDesktop()).toBeNull();
    expect(fake.quitCalls).toBe(1);
    expect(FakeBrowserWindow.all).toHaveLength(0);
    expect(fake.ipcHandlers.size).toBe(0);
  });

  test('quitting closes the database and frees the data folder', async () => {
    running = await startDesktop();
    const lock = path.join(userData, 'data', 'streetcommand.lock');
    expect(fs.existsSync(lock)).toBe(true);
    emitApp('will-quit');
    expect(fs.existsSync(lock)).toBe(false);
    expect(running!.opened.ctx.db.open).toBe(false);
  });

  test('resources come from the app root in development', async () => {
    running = await startDesktop();
    expect(running!.opened.ctx.resourcesDir).toBe(path.join(repoRoot, 'resources'));
  });

  test('packaged: resources beside app.asar, a Chinese menu without developer tools', async () => {
    fake.isPackaged = true;
    const resourcesPath = path.join(userData, 'install', 'resources');
    Object.defineProperty(process, 'resourcesPath', { value: resourcesPath, configurable: true });
    try {
      running = await startDesktop();
    } finally {
      delete (process as { resourcesPath?: string }).resourcesPath;
    }
    expect(running!.opened.ctx.resourcesDir).toBe(path.join(resourcesPath, 'resources'));
    const menu = fake.menu as { label: string; submenu: { label?: string; role?: string }[] }[];
    expect(menu.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    const roles = menu.flatMap((m) => m.submenu.map((i) => i.role));
    expect(roles).not.toContain('toggleDevTools');
    expect(menu[0].submenu.map((i) => i.label)).toContain('选择数据文件夹…');
    expect(FakeBrowserWindow.all[0].options.webPreferences!.devTools).toBe(false);
  });
});
