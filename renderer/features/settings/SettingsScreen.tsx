import { useEffect, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { useApiQuery } from '../../app/queries';
import { ErrorMessage } from '../../app/ErrorMessage';
import { useNotice } from '../../app/notice';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import '../../print/desktop';
import type { SettingsDto } from '../../../shared/api/system';
import { BaseMapSettings } from '../../map/BaseMapSettings';
import { PolicyProfileSelect } from '../mode/PolicyProfileSelect';
import { useCanWrite } from '../desk/useCanWrite';
import { DeskNotice } from '../desk/DeskNotice';
import { textLimits } from '../../../shared/api/text';

/** 设置: unit name, language, idle lock, data folder, back up now, restore a backup. */
export function SettingsScreen() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const info = useApiQuery('getAppInfo', {});
  const backups = useApiQuery('listBackups', {});
  const [form, setForm] = useState<SettingsDto | null>(null);
  const [notice, setNotice] = useNotice();
  // Settings, the policy, the base map, backups and restores are changes: read-only while the desk would refuse them.
  const { canWrite } = useCanWrite();
  useEffect(() => {
    if (info.data && !form) setForm(info.data.settings);
  }, [info.data, form]);

  const save = useMutation({
    mutationFn: (s: SettingsDto) => call('saveSettings', s),
    onSuccess: () => {
      setNotice({ key: 'common.saved' });
    },
  });
  const backup = useMutation({
    mutationFn: () => call('backupNow', {}),
    onSuccess: (b) => {
      setNotice({ key: 'settings.backedUp', values: { name: b.name } });
    },
  });
  const [restoring, setRestoring] = useState<string | null>(null);
  const restored = (r: { safetyCopy: string }) => {
    setNotice({ key: 'settings.restored', values: { safety: r.safetyCopy } });
    setForm(null);
    void qc.invalidateQueries();
  };

  const [nextFolder, setNextFolder] = useState<string | null>(null);
  const chooseDataFolder = async () => setNextFolder((await window.streetCommandDesktop?.chooseDataFolder()) ?? null);

  if (!info.data || !form) return <ErrorMessage error={info.error} />;
  return (
    <div className="stack" style={{ maxWidth: 900 }}>
      <h1>{t('settings.title')}</h1>
      {notice && <div className="ok-box" data-testid="settings-notice">{notice}</div>}
      <ErrorMessage error={save.error ?? backup.error} />
      <DeskNotice />
      <fieldset className="desk-fieldset stack" disabled={!canWrite}>
      {/* A form: Enter in a field saves, as everywhere. */}
      <form className="panel stack" onSubmit={(e) => (e.preventDefault(), save.mutate(form))}>
        <div className="field">
          <label htmlFor="unit-name">{t('settings.unitName')} · {t('settings.unitNameHint')}</label>
          <input id="unit-name" maxLength={textLimits.name} value={form.unitName} onChange={(e) => setForm({ ...form, unitName: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="language">{t('settings.language')}</label>
          <select id="language" value={form.language} onChange={(e) => setForm({ ...form, language: e.target.value as SettingsDto['language'] })}>
            <option value="zh-CN">简体中文</option>
            <option value="en">English</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="idle-lock">{t('settings.idleLock')}</label>
          <input id="idle-lock" type="number" min={0} max={240} value={form.idleLockMinutes}
            onChange={(e) => setForm({ ...form, idleLockMinutes: Number(e.target.value) })} />
        </div>
        <div className="field">
          <label htmlFor="incident-radius">{t('settings.incidentRadius')}</label>
          <input id="incident-radius" data-testid="incident-radius" type="number" min={50} max={5000} step={50} value={form.incidentRadiusM}
            onChange={(e) => setForm({ ...form, incidentRadiusM: Number(e.target.value) })} />
        </div>
        <div><button type="submit" className="primary" data-testid="save-settings" disabled={save.isPending}>{t('common.save')}</button></div>
      </form>
      </fieldset>
      <section className="panel stack">
        <div><span className="muted">{t('settings.dataFolder')}</span><code>{info.data.dataDir}</code></div>
        <div><span className="muted">{t('settings.database')}</span><code>{info.data.dbFile}</code></div>
        <div className="muted">{t('settings.dataFolderHint')}</div>
        {window.streetCommandDesktop && (
          <div className="row">
            <button data-testid="choose-data-folder" onClick={() => void chooseDataFolder()}>{t('settings.chooseDataFolder')}</button>
            {nextFolder && <span className="ok-box">{t('settings.nextDataFolder', { folder: nextFolder })}</span>}
          </div>
        )}
        <div className="muted">{t('settings.version')} {info.data.version} · {t('settings.schema')} {info.data.schemaVersion}</div>
      </section>
      <fieldset className="desk-fieldset stack" disabled={!canWrite}>
      <section className="panel stack">
        <PolicyProfileSelect />
      </section>
      <BaseMapSettings />
      <section className="panel stack">
        <h2>{t('settings.backup')}</h2>
        <div><button data-testid="backup-now" onClick={() => backup.mutate()}>{t('settings.backupNow')}</button></div>
        <table className="data">
          <thead><tr><th>{t('settings.backups')}</th><th className="num">KB</th><th /></tr></thead>
          <tbody>
            {(backups.data ?? []).map((b) => (
              <tr key={b.name}>
                <td>{b.name}</td>
                <td className="num">{Math.round(b.bytes / 1024)}</td>
                <td>
                  <button data-testid="restore-backup" onClick={() => setRestoring(b.name)}>
                    {t('settings.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      </fieldset>
      {restoring && canWrite && (
        <ConfirmDialog
          title={t('settings.restore')}
          tone="danger"
          testId="restore-dialog"
          confirmLabel={t('settings.restore')}
          confirmTestId="restore-confirm"
          action={() => call('restoreBackup', { name: restoring })}
          onDone={restored}
          onClose={() => setRestoring(null)}
        >
          <p>{t('settings.confirmRestore', { name: restoring })}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
