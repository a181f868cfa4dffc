import type { Db } from '../db/open';
import { allSettings, putSetting } from '../db/settings';
import type { SettingsDto } from '../../shared/api/system';

const defaults: SettingsDto = { unitName: '', language: 'zh-CN', idleLockMinutes: 15, incidentRadiusM: 500 };

export function getSettings(db: Db): SettingsDto {
  return { ...defaults, ...pick(allSettings(db)) };
}

export function saveSettings(db: Db, patch: Partial<SettingsDto>): SettingsDto {
  db.transaction(() => {
    for (const [k, v] of Object.entries(patch)) {
      if (v !== undefined && k in defaults) putSetting(db, k, v);
    }
  })();
  return getSettings(db);
}

function pick(stored: Record<string, unknown>): Partial<SettingsDto> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(defaults)) if (k in stored) out[k] = stored[k];
  return out as Partial<SettingsDto>;
}
