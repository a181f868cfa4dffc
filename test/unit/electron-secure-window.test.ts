import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fake, FakeBrowserWindow, resetFakeElectron, electronModule } from '../helpers/electron-mock';

vi.mock('electron', async () => (await import('../helpers/electron-mock')).electronModule);

const { createSecureWindow, hardenSession } = await import('../../main/electron/secure-window');

function navigationEvent(url: string) {
  const event = { url, prevented: false, preventDefault() {
    event.prevented = true;
  } };
  return event;
}

describe('createSecureWindow', () => {
  beforeEach(() => resetFakeElectron());

  test('every window is isolated, sandboxed, without Node or webviews', () => {
    const win = createSecureWindow({ preload: '/app/dist/main/preload.cjs' }) as unknown as FakeBrowserWindow;
    const prefs = win.options.webPreferences!;
    expect(prefs).toMatchObject({
      preload: '/app/dist/main/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
    expect(win.options.show).toBe(false); // shown on ready-to-show, no white flash
  });

  test('devtools are available in development and off in a packaged app', () => {
    const dev = createSecureWindow({ preload: 'p' }) as unknown as FakeBrowserWindow;
    expect(dev.options.webPreferences!.devTools).toBe(true);
    fake.isPackaged = true;
    const packaged = createSecureWindow({ preload: 'p' }) as unknown as FakeBrowserWindow;
    expect(packaged.options.webPreferences!.devTools).toBe(false);
  });

  test('window.open is denied for every URL, including our own', () => {
    const win = createSecureWindow({ preload: 'p' }) as unknown as FakeBrowserWindow;
    const handler = win.webContents.windowOpenHandler!;
    for (const url of ['https://example.com/', 'app://streetcommand/index.html', 'file:///etc/passwd', 'javascript:alert(1)']) {
      expect(handler({ url })).toEqual({ action: 'deny' });
    }
  });

  test('navigation away from app://streetcommand is prevented; in-app navigation is allowed', () => {
    const win = createSecureWindow({ preload: 'p' }) as unknown as FakeBrowserWindow;
    for (const channel of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      for (const url of [
        'https://example.com/',
        'http://127.0.0.1:5178/',
        'file:///etc/passwd',
        'app://streetcommand.evil.example/index.html',
        'app://evil/index.html',
        'app://user@streetcommand/index.html',
        'data:text/html,<h1>hi</h1>',
        'not a url',
      ]) {
        const e = navigationEvent(url);
        win.webContents.emit(channel, e, url);
        expect(e.prevented, `${channel} ${url}`).toBe(true);
      }
      const ok = navigationEvent('app://streetcommand/index.html#/print/briefing');
      win.webContents.emit(channel, ok, ok.url);
      expect(ok.prevented).toBe(false);
    }
  });

  test('webviews are never attached', () => {
    const win = createSecureWindow({ preload: 'p' }) as unknown as FakeBrowserWindow;
    const e = navigationEvent('');
    win.webContents.emit('will-attach-webview', e, {}, { src: 'https://example.com' });
    expect(e.prevented).toBe(true);
  });
});

describe('hardenSession', () => {
  beforeEach(() => resetFakeElectron());

  test('permission requests and checks are denied, whatever is asked', () => {
    hardenSession(electronModule.session.defaultSession as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const answers: boolean[] = [];
      fake.permissionRequestHandler!({}, permission, (granted) => answers.push(granted), {});
      expect(answers, permission).toEqual([false]);
      expect(fake.permissionCheckHandler!({}, permission, 'app://streetcommand', {}), permission).toBe(false);
    }
    expect(fake.devicePermissionHandler!({ deviceType: 'usb' })).toBe(false);
  });

  test('network requests are cancelled (the app works offline)', () => {
    hardenSession(electronModule.session.defaultSession as never);
    expect(fake.beforeRequest!.filter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']));
    const results: { cancel?: boolean }[] = [];
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    fake.beforeRequest!.listener({ url: 'https://tile.openstreetmap.org/1/0/0.png' }, (r) => results.push(r));
    warn.mockRestore();
    expect(results).toEqual([{ cancel: true }]);
  });
});
