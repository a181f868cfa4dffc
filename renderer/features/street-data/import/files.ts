import { saveBlob } from '../../../app/download';
/** Browser-side file helpers for import and export. No React. */

/** Reads a File as base64 (FileReader's data URL, without its prefix). The caller checks the size first. */
export function readFileBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** Saves base64 content as a download: a Blob, an object URL and a click on an <a download>. */
export function downloadBase64(fileName: string, mimeType: string, contentBase64: string): void {
  const binary = atob(contentBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  saveBlob(fileName, new Blob([bytes], { type: mimeType }));
}

export const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
