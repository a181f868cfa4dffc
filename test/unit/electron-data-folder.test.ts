import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultDataDir, resolveDataDir, saveDataDirChoice } from '../../main/electron/data-folder';

vi.mock('electron', async () => (await import('../helpers/electron-mock')).electronModule);
const { pdfFileName } = await import('../../main/electron/print');

describe('data folder location', () => {
  let userData: string;
  beforeEach(() => {
    userData = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-userdata-'));
  });
  afterEach(() => fs.rmSync(userData, { recursive: true, force: true }));

  test('defaults to <userData>/data', () => {
    expect(resolveDataDir(userData)).toEqual({ dataDir: path.join(userData, 'data') });
  });

  test('a saved choice is used from then on', () => {
    saveDataDirChoice(userData, '/srv/streetcommand');
    expect(resolveDataDir(userData)).toEqual({ dataDir: '/srv/streetcommand' });
    expect(fs.readdirSync(userData)).toEqual(['location.json']); // no temp file left behind
  });

  test('a broken location.json falls back to the default and says which file and field', () => {
    fs.writeFileSync(path.join(userData, 'location.json'), '{ not json');
    const broken = resolveDataDir(userData);
    expect(broken.dataDir).toBe(defaultDataDir(userData));
    expect(broken.problem).toContain(path.join(userData, 'location.json'));
    fs.writeFileSync(path.join(userData, 'location.json'), JSON.stringify({ dataDir: 'relative/dir' }));
    const relative = resolveDataDir(userData);
    expect(relative.dataDir).toBe(defaultDataDir(userData));
    expect(relative.problem).toContain('dataDir');
  });

  test('a relative folder is refused when saving', () => {
    expect(() => saveDataDirChoice(userData, 'data2')).toThrow(/绝对路径/);
  });
});

describe('PDF file names', () => {
  test('default name carries the Beijing date and time', () => {
    expect(pdfFileName(undefined, new Date('2022-06-01T16:30:00Z'))).toBe('StreetCommand-20220602-0030.pdf');
  });

  test('a suggested name loses folder separators and reserved characters, gains .pdf', () => {
    const now = new Date(0);
    expect(pdfFileName('../../etc/passwd', now)).toBe('_.._etc_passwd.pdf');
    expect(pdfFileName('每日简报: 6/1', now)).toBe('每日简报_ 6_1.pdf');
    expect(pdfFileName('值班表.PDF', now)).toBe('值班表.PDF');
    expect(pdfFileName('   ', now)).toMatch(/^StreetCommand-\d{8}-\d{4}\.pdf$/);
  });
});
