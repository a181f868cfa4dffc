import { z } from 'zod';
import { defineFeature, job, read, write, features as allFeatures } from './define';
import { empty } from './common';
import { fileNameText, textOrBlank } from './text';

export const language = z.enum(['zh-CN', 'en']);

export const settingsDto = z.object({
  unitName: z.string().max(100),
  language,
  /** Idle minutes before the desk screen locks (issue 4 uses it); 0 = never. */
  idleLockMinutes: z.number().int().min(0).max(240),
  /** 周边范围: key venues this many metres around an incident's compound are listed on the board (issue 10). */
  incidentRadiusM: z.number({ error: '周边范围须为数字' }).int('周边范围须为整数米').min(50, '周边范围至少 50 米').max(5000, '周边范围最多 5000 米'),
});
export type SettingsDto = z.infer<typeof settingsDto>;

/** What saveSettings takes: any of the settings; the unit name is bounded and cleaned like every typed text. */
export const settingsInput = settingsDto.extend({ unitName: textOrBlank('name', '单位名称') }).partial();

export const backupDto = z.object({ name: z.string(), bytes: z.number().int(), createdAt: z.number() });

export const appInfoDto = z.object({
  version: z.string(),
  shell: z.enum(['desktop', 'host']),
  dataDir: z.string(),
  dbFile: z.string(),
  schemaVersion: z.number().int(),
  hasStreet: z.boolean(),
  street: z
    .object({ code: z.string(), name: z.string(), isFictional: z.boolean() })
    .nullable(),
  settings: settingsDto,
  /** The app is running a drill (演练): print views carry the drill watermark. Drill mode comes with issue 14; until then always false. */
  drill: z.boolean(),
});
export type AppInfoDto = z.infer<typeof appInfoDto>;

export const systemFeature = defineFeature('system', {
  getAppInfo: read('Version, data folder, street loaded or not, settings', empty, appInfoDto),
  // 'mode': the incident's surroundings on the board follow the radius setting.
  saveSettings: write('Save unit name, language, idle lock, incident radius', settingsInput, settingsDto, ['system', 'mode']),
  backupNow: job('Write a consistent copy of the database into the backups folder', empty, backupDto, ['system']),
  listBackups: read('Backups in the data folder, newest first', empty, z.array(backupDto)),
  restoreBackup: job(
    'Replace the database with a backup (the current one is backed up first)',
    z.object({ name: fileNameText('备份文件名') }),
    z.object({ restored: z.string(), safetyCopy: z.string() }),
    allFeatures,
  ),
});
