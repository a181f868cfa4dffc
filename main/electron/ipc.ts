import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { dispatch } from '../api/dispatch';
import type { Result } from '../../shared/api/errors';
import type { AppContext } from '../services/context';
import { isAppUrl } from './app-protocol';
import { channels } from './channels';

/** Only frames showing our own app://streetcommand pages may call the API. */
function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  return !!frame && isAppUrl(frame.url);
}

function refusal(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): string {
  return `拒绝来自 ${event.senderFrame?.url || '未知页面'} 的调用：只接受 StreetCommand 自己的页面。`;
}

function refusedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): Result<never> {
  return { ok: false, error: { code: 'unauthorized', message: refusal(event) } };
}

/** `api`: the same dispatcher the browser host uses; input is parsed by the contract's schema there. */
export function registerApiIpc(ipcMain: IpcMain, getCtx: () => AppContext): void {
  ipcMain.handle(channels.api, async (event, method: unknown, input: unknown) => {
    if (!isTrustedSender(event)) return refusedSender(event);
    if (typeof method !== 'string') {
      return { ok: false, error: { code: 'invalid_input', message: '接口方法名必须是字符串。' } } satisfies Result<never>;
    }
    return dispatch(getCtx(), method, input);
  });
}

/** Desktop-only actions; each refuses untrusted senders the same way. */
export function registerDesktopIpc(
  ipcMain: IpcMain,
  actions: {
    printToPdf(event: IpcMainInvokeEvent, fileName: string | undefined): Promise<string | null>;
    chooseDataFolder(event: IpcMainInvokeEvent): Promise<string | null>;
  },
): void {
  ipcMain.handle(channels.printToPdf, async (event, fileName: unknown) => {
    if (!isTrustedSender(event)) throw new Error(refusal(event));
    return actions.printToPdf(event, typeof fileName === 'string' ? fileName : undefined);
  });
  ipcMain.handle(channels.chooseDataFolder, async (event) => {
    if (!isTrustedSender(event)) throw new Error(refusal(event));
    return actions.chooseDataFolder(event);
  });
}
