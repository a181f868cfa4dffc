/**
 * The desktop shell's print bridge. The Electron preload exposes `window.streetCommandDesktop.printToPdf(fileName)`,
 * which asks where to save and prints the current window with `webContents.printToPDF` (A4, CSS page size);
 * it answers the saved path, or null when cancelled. The browser host has no such object: there the browser's own
 * print dialog does the job ("另存为 PDF" is one of its printers).
 */
import type { DesktopBridge } from '../../shared/api/desktop';

declare global {
  interface Window {
    /** Set by the Electron preload (shared/api/desktop.ts); absent in the browser host. */
    streetCommandDesktop?: DesktopBridge;
  }
}

/** Prints the current print view; resolves to the saved PDF path on the desktop, null otherwise. */
export async function printCurrentView(fileName: string): Promise<string | null> {
  const desktop = window.streetCommandDesktop;
  if (desktop && typeof desktop.printToPdf === 'function') return desktop.printToPdf(fileName);
  window.print();
  return null;
}
