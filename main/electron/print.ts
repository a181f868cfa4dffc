import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, type PrintToPDFOptions, type WebContents } from 'electron';

/** Print views set their own A4 `@page` rules; preferCSSPageSize lets them win, backgrounds keep the risk colours. */
export const pdfOptions: PrintToPDFOptions = { pageSize: 'A4', printBackground: true, preferCSSPageSize: true };

/** A file name the user can keep: no folders, no characters Windows refuses, always ending in .pdf. */
export function pdfFileName(suggested: string | undefined, now: Date): string {
  const cleaned = (suggested ?? '')
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 120);
  if (cleaned) return /\.pdf$/i.test(cleaned) ? cleaned : `${cleaned}.pdf`;
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `StreetCommand-${get('year')}${get('month')}${get('day')}-${get('hour')}${get('minute')}.pdf`;
}

/**
 * Asks where to save, prints the sender's current page to PDF and writes it. The saved path, or null if cancelled.
 * `now` is the app's clock (ctx.now), so a drill's paper is named by the drill's time, like its contents.
 */
export async function printToPdf(sender: WebContents, suggested: string | undefined, now: () => number): Promise<string | null> {
  const parent = BrowserWindow.fromWebContents(sender);
  const options = {
    title: '保存为 PDF',
    defaultPath: path.join(app.getPath('documents'), pdfFileName(suggested, new Date(now()))),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  };
  const choice = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return null;
  const pdf = await sender.printToPDF(pdfOptions);
  try {
    // Print views hold names and phones: the saved file is for this user only (0600), whatever the umask.
    await fs.promises.writeFile(choice.filePath, pdf, { mode: 0o600 });
    if (process.platform !== 'win32') await fs.promises.chmod(choice.filePath, 0o600);
  } catch (err) {
    throw new Error(`无法保存 PDF 到 ${choice.filePath}：${(err as Error).message}`);
  }
  return choice.filePath;
}
