import type { Db } from '../db/open';
import type { SettingsDto } from '../../shared/api/system';

const defaults: SettingsDto = { unitName: '', language: 'zh-CN', idleLockMinutes: 15, incidentRadiusM: 500 };

export function getSettings(db: Db): SettingsDto {
  const rows = db.prepare('SELECT key, value FROM setting').all() as { key: string; value: string }[];
  const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  return { ...defaults, ...pick(stored) };
}

export function saveSettings(db: Db, patch: Partial<SettingsDto>): SettingsDto {
  const put = db.prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  db.transaction(() => {
    for (const [k, v] of Object.entries(patch)) {
      if (v !== undefined && k in defaults) put.run(k, JSON.stringify(v));
    }
  })();
  return getSettings(db);
}

function pick(stored: Record<string, unknown>): Partial<SettingsDto> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(defaults)) if (k in stored) out[k] = stored[k];
  return out as Partial<SettingsDto>;
}
