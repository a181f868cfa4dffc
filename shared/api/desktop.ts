/**
 * What the desktop preload exposes as `window.streetCommandDesktop`, beside `window.streetCommand` (the API).
 * Absent in the browser host, where printing goes through the browser's own print dialog.
 */
export interface DesktopBridge {
  /** Prints the current page to an A4 PDF and asks where to save it. The saved path, or null when cancelled. */
  printToPdf(fileName?: string): Promise<string | null>;
  /** Asks for a new data folder (used from the next start). The chosen path, or null when cancelled. */
  chooseDataFolder(): Promise<string | null>;
}
