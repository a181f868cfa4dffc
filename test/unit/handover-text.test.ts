import { describe, expect, test } from 'vitest';
import i18next from 'i18next';
import zh from '../../renderer/i18n/zh-CN.json';
import en from '../../renderer/i18n/en.json';
import type { HandoverSummaryDto } from '../../shared/api/handover';
import type { LogEntryDto } from '../../shared/api/log';
import { textLimits } from '../../shared/api/text';
import { handoverText } from '../../renderer/features/desk/handoverText';

/** The handover note as the dialog pre-fills it (issue 10.5): what is open, in the interface language, under the limit. */

const NOW = Date.parse('2026-05-01T10:00:00+08:00');
const MIN = 60_000;

function entry(i: number, text: string): LogEntryDto {
  return {
    id: i, at: NOW - i * MIN, recordedAt: NOW - i * MIN, operator: { id: 1, name: '王值班' }, category: 'call', text, link: null, linkLabel: null, ref: null,
    source: 'manual', method: null, emergencyId: 1, correctsId: null, correctionReason: null, correctedById: null,
  };
}

function summary(logRows: LogEntryDto[], total = logRows.length): HandoverSummaryDto {
  return {
    now: NOW, since: NOW - 8 * 60 * MIN, sinceKind: 'handover', outgoing: { id: 1, name: '王值班' }, mode: 'emergency', t0: NOW - 3 * 60 * MIN,
    openDeadlines: [
      {
        id: 1, key: 'online_report', name: '网络直报', nameEn: 'Online report of the positive', ownerGroup: 'tracing', ownerGroupName: '流调溯源组', reportId: 1,
        startsAt: NOW - 3 * 60 * MIN, dueAt: NOW - 60 * MIN, targetAt: null, remainingMs: -60 * MIN, status: 'overdue', urgency: 'overdue', doneAt: null, doneBy: null, doneLate: false, reopens: [],
      },
    ],
    uncheckedItems: [{ id: 1, groupKey: 'testing', groupName: '核酸检测组', text: '调集采样点', position: 1, done: false, doneAt: null, doneBy: null }],
    reports: [],
    log: { total, rows: logRows },
  };
}

async function translator(lng: string) {
  const i = i18next.createInstance();
  await i.init({ lng, resources: { 'zh-CN': { translation: zh }, en: { translation: en } }, interpolation: { escapeValue: false } });
  return i.t.bind(i) as (key: string, o?: Record<string, unknown>) => string;
}

describe('the pre-filled handover note', () => {
  test('says what is overdue, what is not ticked and what was logged, oldest entry first, in Chinese', async () => {
    const text = handoverText(summary([entry(1, '第二条'), entry(2, '第一条')]), await translator('zh-CN'), 'zh-CN');
    expect(text).toContain('【应急状态】T0 2026-05-01 07:00，已历时 03:00:00。');
    expect(text).toContain('以下为上次交接班（2026-05-01 02:00）以来的情况。');
    expect(text).toContain('1. 网络直报（流调溯源组）时限 09:00，已超时 01:00:00');
    expect(text).toContain('核酸检测组：调集采样点');
    expect(text).toContain('【上次交接班以来的阳性报告】0 起：\n无。');
    expect(text.indexOf('第一条')).toBeLessThan(text.indexOf('第二条'));
    expect(text.trimEnd().endsWith('【需接班人跟进】')).toBe(true);
  });

  test('follows the interface language', async () => {
    const text = handoverText(summary([entry(1, '来电')]), await translator('en'), 'en');
    expect(text).toContain('[Open deadlines] 1, 1 overdue:');
    expect(text).toContain('1. Online report of the positive (Tracing), due 09:00, overdue by 01:00:00');
    expect(text).toContain('Testing: 调集采样点');
  });

  test('stays under the note limit with room for the officer: the oldest log entries give way and are counted', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => entry(i + 1, `区疾控来电第 ${50 - i} 次：密接名单核对，请各社区于今晚前报送`));
    const text = handoverText(summary(rows, 80), await translator('zh-CN'), 'zh-CN');
    expect(text.length).toBeLessThanOrEqual(textLimits.note - 300);
    expect(text).toContain('区疾控来电第 50 次'); // the newest is kept
    expect(text).not.toContain('区疾控来电第 1 次：');
    const shown = (text.match(/区疾控来电第/g) ?? []).length;
    expect(text).toContain(`……另有 ${80 - shown} 条，见值班日志。`);
  });
});
