/**
 * The desktop shell's print bridge. The Electron preload exposes `window.streetCommandDesktop.printToPdf()`, which
 * prints the current window with `webContents.printToPDF` (A4, CSS page size) and asks where to save it.
 * The browser host has no such object: there the browser's own print dialog does the job.
 */
export interface StreetCommandDesktop {
  printToPdf(): Promise<unknown>;
}

declare global {
  interface Window {
    streetCommandDesktop?: StreetCommandDesktop;
  }
}

/** Prints the current print view: to PDF through the desktop shell, or with the browser's print dialog. */
export async function printCurrentView(): Promise<void> {
  const desktop = window.streetCommandDesktop;
  if (desktop && typeof desktop.printToPdf === 'function') {
    await desktop.printToPdf();
    return;
  }
  window.print();
}
