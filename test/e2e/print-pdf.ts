import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

export const outDir = path.resolve('test-output');

/** Shanghai wall-clock "YYYY-MM-DD HH:mm" of an epoch ms, as the app prints it. */
export function shanghai(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** Value for a datetime-local input (Shanghai time). */
export function shanghaiInput(ms: number): string {
  return shanghai(ms).replace(' ', 'T');
}

/**
 * Opens a print route, waits until its data is in (`body[data-print-ready=true]`), prints it to an A4 PDF the way
 * Chromium prints (CSS page size, backgrounds), and returns the text (pdftotext -layout) and the page count.
 * Pages are also rendered to PNG (pdftoppm -r 60) into test-output/ to be looked at.
 */
export async function printToPdf(page: Page, hashRoute: string, name: string): Promise<{ text: string; pages: number; pdf: string }> {
  await page.evaluate((r) => (window.location.hash = r), hashRoute);
  await page.locator('body[data-print-ready="true"]').waitFor({ timeout: 15_000 });
  fs.mkdirSync(outDir, { recursive: true });
  const pdf = path.join(outDir, `${name}.pdf`);
  await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true, printBackground: true });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
  for (const f of fs.readdirSync(outDir)) if (f.startsWith(`${name}-page`) && f.endsWith('.png')) fs.rmSync(path.join(outDir, f));
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(outDir, `${name}-page`)]);
  return { text, pages, pdf };
}

/** pdftotext -layout may put spaces between CJK glyphs of one run; compare without whitespace. */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}
