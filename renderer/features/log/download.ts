import { saveBlob } from '../../app/download';

/** Offers text as a file download (the browser's or Electron's save flow). */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8') {
  saveBlob(fileName, new Blob([text], { type }));
}
