import { describe, expect, test } from 'vitest';
import iconv from 'iconv-lite';
import { decodeText, firstInvalidUtf8 } from '../../main/services/import/encoding';
import { AppError } from '../../shared/api/errors';

const text = '小区编码,楼栋,户号,姓名\r\nP01,1栋,1-101,张三\r\n';
const utf8 = new Uint8Array(Buffer.from(text, 'utf8'));
const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
const gbk = new Uint8Array(iconv.encode(text, 'gbk'));

function rejected(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a rejection');
}

describe('encoding detection', () => {
  test('UTF-8 without BOM', () => {
    expect(decodeText(utf8, 'auto', 'f.csv')).toEqual({ text, encoding: 'utf-8', bom: false });
  });

  test('UTF-8 with BOM: the BOM is noted and removed', () => {
    const d = decodeText(bom, 'auto', 'f.csv');
    expect(d).toEqual({ text, encoding: 'utf-8', bom: true });
    expect(d.text.charCodeAt(0)).not.toBe(0xfeff);
  });

  test('GBK (Excel in China) is detected when the bytes are not valid UTF-8', () => {
    expect(decodeText(gbk, 'auto', 'f.csv')).toEqual({ text, encoding: 'gbk', bom: false });
  });

  test('plain ASCII counts as UTF-8', () => {
    expect(decodeText(new Uint8Array(Buffer.from('a,b\n1,2\n')), 'auto', 'f.csv').encoding).toBe('utf-8');
  });

  test('the user may override: GBK forced on GBK bytes decodes', () => {
    expect(decodeText(gbk, 'gbk', 'f.csv').text).toBe(text);
  });

  test('GBK bytes forced to UTF-8 are refused: the line of the first bad byte and a hint to choose GBK', () => {
    const ascii = 'code,name\r\nP01,x\r\n';
    const bytes = new Uint8Array([...Buffer.from(ascii), ...iconv.encode('P02,张三\r\n', 'gbk')]);
    const err = rejected(() => decodeText(bytes, 'utf-8', '台账.csv'));
    expect(err.code).toBe('import_rejected');
    expect(err.message).toContain('不是 UTF-8');
    expect(err.message).toContain('GBK');
    expect(err.problems?.[0]).toMatchObject({ file: '台账.csv', line: 3 });
  });

  test('UTF-16 (Excel "Unicode text") is refused with what to do instead', () => {
    const err = rejected(() => decodeText(new Uint8Array([0xff, 0xfe, 0x41, 0x00]), 'auto', 'u.txt'));
    expect(err.message).toContain('UTF-16');
  });

  test('firstInvalidUtf8 finds overlong, truncated and surrogate sequences', () => {
    expect(firstInvalidUtf8(utf8)).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0xc0, 0x80]))).toBe(1); // overlong
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0x42, 0xe5, 0xb0]))).toBe(2); // truncated at the end
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0); // surrogate
    expect(firstInvalidUtf8(new Uint8Array([0xf0, 0x9f, 0x98, 0x80]))).toBe(-1); // emoji
  });
});
