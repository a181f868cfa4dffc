import { describe, expect, test } from 'vitest';
import { checkT0, computeDeadlines, HOUR_MS, rulesAtSwitch, rulesForNewReport, SOON_MS, type DeadlineInstance } from '../../shared/domain/deadlines';
import { findPolicyProfile } from '../../shared/domain/policy';

/** The DOMAIN.md deadline table as cases, computed from T0, the profile and `now`. */

const v9 = findPolicyProfile('cn-2022-jun-v9')!;
const T0 = Date.UTC(2022, 6, 10, 1, 0); // 09:00 Shanghai
const MIN = 60_000;

function instances(profile = v9, triggerReportId = 1): DeadlineInstance[] {
  return rulesAtSwitch(profile).map((r, i) => ({
    id: i + 1,
    key: r.key,
    name: r.name,
    nameEn: r.nameEn,
    ownerGroup: r.ownerGroup,
    anchor: r.anchor,
    reportId: r.anchor === 'each_report' ? triggerReportId : null,
    hours: r.hours,
    targetHours: r.targetHours ?? null,
  }));
}

function board(now: number, opts: { done?: Map<number, { at: number; by: string }>; t0?: number; items?: DeadlineInstance[]; reportTimes?: Map<number, number> } = {}) {
  const t0 = opts.t0 ?? T0;
  return computeDeadlines({ t0, reportTimes: opts.reportTimes ?? new Map([[1, t0]]), items: opts.items ?? instances(), done: opts.done ?? new Map(), now });
}

const byKey = (rows: ReturnType<typeof board>, key: string) => rows.find((r) => r.key === key)!;

describe('deadline table of DOMAIN.md (第九版 profile)', () => {
  test.each([
    ['online_report', 2, 'tracing'],
    ['sampling_sites_open', 4, 'testing'],
    ['risk_areas_published', 5, 'key_prevention'],
    ['arrivals_checked', 8, 'community_screening'],
    ['isolation_transfer', 12, 'isolation_transfer'],
    ['area_tested', 24, 'testing'],
  ])('%s is due at T0 + %i h, owned by %s', (key, hours, owner) => {
    const d = byKey(board(T0), key);
    expect(d.dueAt).toBe(T0 + hours * HOUR_MS);
    expect(d.ownerGroup).toBe(owner);
    expect(d.remainingMs).toBe(hours * HOUR_MS);
    expect(d.status).toBe('pending');
  });

  test('sampling sites carry the 2 h target inside the 4 h deadline', () => {
    const d = byKey(board(T0), 'sampling_sites_open');
    expect(d.targetAt).toBe(T0 + 2 * HOUR_MS);
    expect(d.dueAt).toBe(T0 + 4 * HOUR_MS);
  });

  test('amber under 30 minutes, red once overdue, done stays done', () => {
    const due = T0 + 2 * HOUR_MS;
    expect(byKey(board(due - SOON_MS - MIN), 'online_report').urgency).toBe('ok');
    expect(byKey(board(due - 29 * MIN), 'online_report').urgency).toBe('soon');
    expect(byKey(board(due), 'online_report')).toMatchObject({ status: 'pending', urgency: 'soon', remainingMs: 0 });
    expect(byKey(board(due + 1), 'online_report')).toMatchObject({ status: 'overdue', urgency: 'overdue', remainingMs: -1 });

    const done = new Map([[1, { at: due - 10 * MIN, by: '王值班' }]]);
    const later = byKey(board(due + 5 * HOUR_MS, { done }), 'online_report');
    expect(later).toMatchObject({ status: 'done', urgency: 'ok', doneAt: due - 10 * MIN, doneBy: '王值班', doneLate: false });
  });

  test('a deadline done after it was due is done, and marked late', () => {
    const due = T0 + 2 * HOUR_MS;
    const done = new Map([[1, { at: due + 15 * MIN, by: '王值班' }]]);
    expect(byKey(board(due + HOUR_MS, { done }), 'online_report')).toMatchObject({ status: 'done', doneLate: true });
  });

  test('sorted by urgency: overdue, then under 30 minutes, then by due time; done last', () => {
    // At T0 + 3 h 45 min: online report (2 h) overdue, sites (4 h) amber, the rest ok by due time.
    const rows = board(T0 + 3 * HOUR_MS + 45 * MIN, { done: new Map([[3, { at: T0 + HOUR_MS, by: 'x' }]]) });
    expect(rows.map((r) => [r.key, r.urgency, r.status])).toEqual([
      ['online_report', 'overdue', 'overdue'],
      ['sampling_sites_open', 'soon', 'pending'],
      ['arrivals_checked', 'ok', 'pending'],
      ['isolation_transfer', 'ok', 'pending'],
      ['area_tested', 'ok', 'pending'],
      ['risk_areas_published', 'ok', 'done'],
    ]);
  });

  test('moving T0 moves every T0 clock and the trigger report clock', () => {
    const corrected = T0 - 30 * MIN;
    const rows = board(T0 + HOUR_MS, { t0: corrected });
    expect(byKey(rows, 'risk_areas_published').dueAt).toBe(corrected + 5 * HOUR_MS);
    expect(byKey(rows, 'online_report').dueAt).toBe(corrected + 2 * HOUR_MS);
  });

  test('a later positive report gets its own 2 h reporting clock, the T0 clocks do not move', () => {
    const later = T0 + 6 * HOUR_MS;
    const newRules = rulesForNewReport(v9);
    expect(newRules.map((r) => r.key)).toEqual(['online_report']);
    const items = [
      ...instances(),
      { id: 99, key: 'online_report', name: '网络直报', nameEn: 'x', ownerGroup: 'tracing' as const, anchor: 'each_report' as const, reportId: 2, hours: 2, targetHours: null },
    ];
    const rows = board(later + 30 * MIN, { items, reportTimes: new Map([[1, T0], [2, later]]) });
    const own = rows.find((r) => r.id === 99)!;
    expect(own.dueAt).toBe(later + 2 * HOUR_MS);
    expect(own.status).toBe('pending');
    expect(byKey(rows, 'area_tested').dueAt).toBe(T0 + 24 * HOUR_MS);
  });

  test('the 2021 seed profile gives two days for whole-population testing', () => {
    const p = findPolicyProfile('cn-2021-seeds')!;
    const rows = board(T0, { items: instances(p) });
    expect(byKey(rows, 'area_tested').dueAt).toBe(T0 + 48 * HOUR_MS);
    expect(byKey(rows, 'online_report').dueAt).toBe(T0 + 2 * HOUR_MS);
  });
});

describe('T0 plausibility', () => {
  const now = T0 + HOUR_MS;
  test('a T0 in the future is refused beyond one minute of tolerance', () => {
    expect(checkT0(now + 30_000, now)).toEqual({ ok: true });
    expect(checkT0(now + 2 * MIN, now)).toMatchObject({ ok: false, reason: 'future' });
  });
  test('a T0 more than 72 h ago needs confirmation', () => {
    expect(checkT0(now - 72 * HOUR_MS, now)).toEqual({ ok: true });
    expect(checkT0(now - 72 * HOUR_MS - 1, now)).toMatchObject({ ok: false, reason: 'old' });
  });
});
