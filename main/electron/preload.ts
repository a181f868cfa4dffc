// The preload (sandboxed, bundled to dist/main/preload.cjs). It exposes exactly two frozen objects and no raw ipcRenderer:
// window.streetCommand — one function per contract method, the same shape the browser host builds over fetch;
// window.streetCommandDesktop — the desktop-only actions (print to PDF, choose data folder).
import { contextBridge, ipcRenderer } from 'electron';
import { methodNames } from '../../shared/api/contract';
import type { DesktopBridge } from '../../shared/api/desktop';
import { channels } from './channels';

export function buildApi(invoke: (channel: string, ...args: unknown[]) => Promise<unknown>) {
  const api: Record<string, (input?: unknown) => Promise<unknown>> = {};
  for (const name of methodNames) api[name] = (input) => invoke(channels.api, name, input ?? {});
  return Object.freeze(api);
}

export function buildDesktopBridge(invoke: (channel: string, ...args: unknown[]) => Promise<unknown>): Readonly<DesktopBridge> {
  return Object.freeze({
    printToPdf: (fileName?: string) => invoke(channels.printToPdf, typeof fileName === 'string' ? fileName : undefined) as Promise<string | null>,
    chooseDataFolder: () => invoke(channels.chooseDataFolder) as Promise<string | null>,
  });
}

const invoke = (channel: string, ...args: unknown[]) => ipcRenderer.invoke(channel, ...args);
contextBridge.exposeInMainWorld('streetCommand', buildApi(invoke));
contextBridge.exposeInMainWorld('streetCommandDesktop', buildDesktopBridge(invoke));
