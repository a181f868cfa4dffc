/** IPC channel names shared by the main process and the preload. Nothing else crosses the bridge. */
export const channels = {
  api: 'api',
  printToPdf: 'print-to-pdf',
  chooseDataFolder: 'choose-data-folder',
} as const;

/** What the preload exposes as window.streetCommandDesktop (desktop-only actions). */
export interface DesktopBridge {
  /** Prints the current page to an A4 PDF; asks where to save it. The saved path, or null when cancelled. */
  printToPdf(fileName?: string): Promise<string | null>;
  /** Asks for a new data folder (used from the next start). The chosen path, or null when cancelled. */
  chooseDataFolder(): Promise<string | null>;
}
