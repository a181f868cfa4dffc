/** IPC channel names shared by the main process and the preload. Nothing else crosses the bridge. */
export const channels = {
  api: 'api',
  printToPdf: 'print-to-pdf',
  chooseDataFolder: 'choose-data-folder',
} as const;
