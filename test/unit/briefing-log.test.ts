import { describe, expect, test } from 'vitest';
import type { LogEntryDto } from '../../shared/api/log';
import { briefingLog } from '../../renderer/features/mode/briefingLog';

/** The 简报's incident log: what stays out, and corrections never printed as if current. */

let next = 1;
function entry(p: Partial<LogEntryDto> & Pick<LogEntryDto, 'category' | 'text'>): LogEntryDto {
  const id = p.id ?? next++;
  return {
    id, at: p.at ?? id * 1000, recordedAt: p.at ?? id * 1000, operator: null, link: null, linkLabel: null, ref: null, source: 'auto',
    method: null, emergencyId: 1, correctsId: null, correctionReason: null, correctedById: null, ...p,
  } as LogEntryDto;
}

describe('briefingLog', () => {
  test('template, settings, street data and sign-ins stay out; the incident, live appointments, a handover and hand entries stay in', () => {
    const rows = briefingLog([
      entry({ category: 'mode', text: '切换到应急状态', method: 'switchToEmergency' }),
      entry({ category: 'command', text: '指挥体系：指挥长 吴书记', method: 'saveCommandLeader' }),
      entry({ category: 'checklist', text: '新增启动清单模板', method: 'saveChecklistTemplateItem' }),
      entry({ category: 'mode', text: '更换政策版本（下次切换应急状态时生效）', method: 'setActivePolicyProfile' }),
      entry({ category: 'checklist', text: '完成启动清单：调集队伍', method: 'tickChecklistItem' }),
      entry({ category: 'system', text: '修改设置：单位名称', method: 'saveSettings' }),
      entry({ category: 'data', text: '修改小区：桂花小区', method: 'saveCompound' }),
      entry({ category: 'desk', text: '王值班 解锁值班台', method: 'signIn' }),
      entry({ category: 'desk', text: '交接班：王值班 → 李接班', method: 'handOver' }),
      entry({ category: 'call', text: '接区疾控电话', source: 'manual' }),
    ]);
    expect(rows.map((r) => r.entry.text)).toEqual(['切换到应急状态', '指挥体系：指挥长 吴书记', '完成启动清单：调集队伍', '交接班：王值班 → 李接班', '接区疾控电话']);
  });

  test('a corrected entry prints only under its newest correction, older versions newest first; in time order', () => {
    const a = entry({ id: 50, at: 1_000, category: 'note', text: '密接 8 人', source: 'manual', correctedById: 51 });
    const b = entry({ id: 51, at: 1_000, category: 'note', text: '密接 9 人', source: 'manual', correctsId: 50, correctionReason: '复核', correctedById: 52 });
    const c = entry({ id: 52, at: 1_000, category: 'note', text: '密接 10 人', source: 'manual', correctsId: 51, correctionReason: '再复核' });
    const early = entry({ id: 10, at: 500, category: 'mode', text: '切换到应急状态' });
    const rows = briefingLog([c, b, a, early]);
    expect(rows.map((r) => r.entry.text)).toEqual(['切换到应急状态', '密接 10 人']);
    expect(rows[1].superseded.map((s) => s.text)).toEqual(['密接 9 人', '密接 8 人']);
  });

  test('a superseded entry whose correction is not among the entries is left out, not printed as current', () => {
    const a = entry({ category: 'note', text: '旧内容', correctedById: 999 });
    expect(briefingLog([a])).toEqual([]);
  });
});
