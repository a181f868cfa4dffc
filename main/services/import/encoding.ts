import iconv from 'iconv-lite';
import { rejectFile } from './problems';

export type TextEncoding = 'utf-8' | 'gbk';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  bom: boolean;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decodes a text file. `auto`: strict UTF-8 first (TextDecoder with fatal), and GBK (what Excel in China saves)
 * when the bytes are not valid UTF-8. A UTF-8 BOM is noted and dropped. A forced UTF-8 on GBK bytes is refused
 * with the line of the first invalid byte and a hint to choose GBK.
 */
export function decodeText(bytes: Uint8Array, requested: 'auto' | TextEncoding, file: string): DecodedText {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw rejectFile(file, '文件是 UTF-16 编码（Excel“Unicode 文本”）。请另存为“CSV UTF-8（逗号分隔）”或普通 CSV 后再导入。', { line: 1 });
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  if (requested === 'gbk') return { text: iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), 'gbk'), encoding: 'gbk', bom };
  try {
    return { text: strictUtf8.decode(body), encoding: 'utf-8', bom };
  } catch {
    if (requested === 'auto' && !bom) {
      return { text: iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), 'gbk'), encoding: 'gbk', bom };
    }
    const offset = firstInvalidUtf8(body);
    const line = lineAt(body, offset);
    throw rejectFile(file, `文件不是 UTF-8 编码（第 ${line} 行有无效字节），可能是 GBK：请在预览中把编码选为 GBK。`, { line });
  }
}

/** Byte offset of the first byte that breaks UTF-8, or -1 when the whole buffer is valid. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) (need = 1), (min = 0x80);
    else if (c >= 0xe0 && c <= 0xef) (need = 2), (min = 0x800);
    else if (c >= 0xf0 && c <= 0xf4) (need = 3), (min = 0x10000);
    else return i;
    if (i + need >= n) return i; // truncated at the end
    let cp = c & (0xff >> (need + 2));
    for (let k = 1; k <= need; k++) {
      const d = b[i + k];
      if ((d & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (d & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** 1-based line number of a byte offset (counts LF; CRLF and LF files alike). */
function lineAt(b: Uint8Array, offset: number): number {
  let line = 1;
  const end = offset < 0 ? b.length : Math.min(offset, b.length);
  for (let i = 0; i < end; i++) if (b[i] === 0x0a) line++;
  return line;
}
