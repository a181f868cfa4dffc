import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../api';
import { useApiQuery } from '../app/queries';
import { ErrorMessage } from '../app/ErrorMessage';
import { textLimits } from '../../shared/api/text';

/** 设置 › 底图 (MBTiles): choose a local MBTiles file for the map background, see its metadata, or remove it. */
export function BaseMapSettings() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const current = useApiQuery('getBaseMap', {});
  const [path, setPath] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const save = useMutation({
    mutationFn: (file: string | null) => call('setBaseMap', { file }),
    onSuccess: (info) => {
      setNotice(info.file ? t('basemap.saved', { name: info.name }) : t('basemap.cleared'));
      setPath(null);
      qc.setQueryData(['baseMap'], info);
    },
  });
  const info = current.data;
  const value = path ?? info?.file ?? '';

  return (
    <section className="panel stack" data-testid="basemap-settings">
      <h2>{t('basemap.title')}</h2>
      <div className="muted">{t('basemap.hint')}</div>
      {notice && <div className="ok-box" data-testid="basemap-notice">{notice}</div>}
      <ErrorMessage error={save.error ?? current.error} />
      {info?.problem && <div className="error-box" role="alert">{info.problem}</div>}
      <div className="field">
        <label htmlFor="basemap-file">{t('basemap.file')}</label>
        <input id="basemap-file" value={value} maxLength={textLimits.path} placeholder={t('basemap.placeholder')} onChange={(e) => setPath(e.target.value)} />
      </div>
      <div className="row">
        <button className="primary" data-testid="basemap-use" disabled={!value.trim() || save.isPending} onClick={() => save.mutate(value.trim())}>
          {t('basemap.use')}
        </button>
        <button data-testid="basemap-clear" disabled={!info?.file || save.isPending} onClick={() => save.mutate(null)}>
          {t('basemap.clear')}
        </button>
      </div>
      {info && !info.file && <div className="muted">{t('basemap.none')}</div>}
      {info?.file && !info.problem && (
        <table className="data" data-testid="basemap-metadata">
          <tbody>
            <tr><th>{t('basemap.name')}</th><td>{info.name}</td></tr>
            <tr><th>{t('basemap.format')}</th><td>{info.format}</td></tr>
            <tr><th>{t('basemap.zoom')}</th><td>{info.minZoom} – {info.maxZoom}</td></tr>
            <tr><th>{t('basemap.bounds')}</th><td>{info.bounds ? info.bounds.map((v) => v.toFixed(4)).join(', ') : '—'}</td></tr>
          </tbody>
        </table>
      )}
    </section>
  );
}
