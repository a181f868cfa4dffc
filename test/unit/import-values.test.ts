import { describe, expect, test } from 'vitest';
import { birthYearOf, intOf, sexOf } from '../../main/services/import/values';
import { shanghaiYear } from '../../shared/domain/shanghai-time';
import { normalizeHeader, suggestMapping } from '../../main/services/import/mapping';

describe('reading cell values', () => {
  test('birth years in the forms registers use', () => {
    expect(birthYearOf('1956')).toBe(1956);
    expect(birthYearOf('1956年')).toBe(1956);
    expect(birthYearOf('1956-03-02')).toBe(1956);
    expect(birthYearOf('1956/3/2')).toBe(1956);
    expect(birthYearOf('19560302')).toBe(1956);
    expect(birthYearOf('')).toBeNull();
    expect(birthYearOf('五六年')).toBeNaN();
    expect(birthYearOf('abc')).toBeNaN();
    expect(birthYearOf('56')).toBeNaN();
  });

  test('sex: 男/女, M/F, GB/T 2261.1 codes; unknown is undefined', () => {
    expect([sexOf('男'), sexOf('女'), sexOf('M'), sexOf('f'), sexOf('1'), sexOf('2'), sexOf('')]).toEqual(['M', 'F', 'M', 'F', 'M', 'F', null]);
    expect(sexOf('未知')).toBeUndefined();
  });

  test('integers from numbers or text, with thousands separators; text is NaN', () => {
    expect(intOf(12)).toBe(12);
    expect(intOf('1,234')).toBe(1234);
    expect(intOf(' 7 ')).toBe(7);
    expect(intOf('')).toBeNull();
    expect(intOf(null)).toBeNull();
    expect(intOf('约300')).toBeNaN();
    expect(intOf(2.5)).toBeNaN();
    expect(intOf(-1)).toBeNaN();
  });

  test('the current year is taken in Asia/Shanghai', () => {
    expect(shanghaiYear(Date.UTC(2023, 11, 31, 15, 59))).toBe(2023);
    expect(shanghaiYear(Date.UTC(2023, 11, 31, 16, 0))).toBe(2024); // 00:00 on 1 Jan in Beijing time
  });
});

describe('suggested mapping', () => {
  test('headers compare ignoring case, spaces, underscores and a trailing note', () => {
    expect(normalizeHeader(' Birth_Year ')).toBe('birthyear');
    expect(normalizeHeader('居民数（人）')).toBe('居民数');
  });

  test('Chinese, English and generic names: 小区编码 / compoundCode / code', () => {
    expect(suggestMapping('residents', ['code', '姓名', '户号']).compoundCode).toBe('code');
    expect(suggestMapping('residents', ['Compound Code', 'name', 'household']).compoundCode).toBe('Compound Code');
    // "code" is the compound's own code in a compounds file, never its community's.
    expect(suggestMapping('compounds', ['code', 'name', 'communityCode'])).toMatchObject({ code: 'code', communityCode: 'communityCode', gridCode: null });
  });

  test('a column is suggested for one field only', () => {
    const m = suggestMapping('residents', ['小区编码', 'code', '姓名']);
    expect(m.compoundCode).toBe('小区编码');
    expect(Object.values(m).filter((v) => v === '小区编码')).toHaveLength(1);
  });
});
