import { useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ErrorMessage } from '../../app/ErrorMessage';
import { downloadBase64, megabytes, readFileBase64 } from '../street-data/import/files';

/** GeoJSON files refused before reading: the importer's own limit is on the Node side; this only spares the upload. */
const maxBytes = 20 * 1024 * 1024;

type Crs = 'wgs84' | 'gcj02' | 'bd09';

/**
 * 导入 / 导出 GeoJSON: areas with level and state go out as a FeatureCollection; a file of areas (name, level) comes in
 * through the server's importer, which checks every geometry (crossing edges, swapped coordinates, outside the
 * street) and refuses the whole file on any problem, listing each.
 */
export function RiskAreaFiles({ canImport }: { canImport: boolean }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [crs, setCrs] = useState<Crs>('wgs84');
  const [tooBig, setTooBig] = useState<string | null>(null);
  const exporting = useMutation({
    mutationFn: () => call('exportRiskAreas', { includeEnded: true }),
    onSuccess: (file) => downloadBase64(file.fileName, file.mimeType, file.contentBase64),
  });
  const importing = useMutation({
    mutationFn: async (file: File) => call('importRiskAreas', { fileName: file.name, contentBase64: await readFileBase64(file), crs }),
  });
  const onFile = (file: File | undefined) => {
    if (!file) return;
    setTooBig(null);
    if (file.size > maxBytes) setTooBig(t('risk.files.tooBig', { size: megabytes(file.size), max: megabytes(maxBytes) }));
    else importing.mutate(file);
    if (input.current) input.current.value = '';
  };

  return (
    <div className="stack risk-files" data-testid="risk-files">
      <div className="row">
        <button type="button" onClick={() => exporting.mutate()} disabled={exporting.isPending} data-testid="risk-export">
          {t('risk.files.export')}
        </button>
        <button type="button" onClick={() => input.current?.click()} disabled={!canImport || importing.isPending} data-testid="risk-import">
          {importing.isPending ? t('common.working') : t('risk.files.import')}
        </button>
        <select value={crs} onChange={(e) => setCrs(e.target.value as Crs)} aria-label={t('risk.files.crs')} disabled={!canImport}>
          <option value="wgs84">WGS-84</option>
          <option value="gcj02">{t('risk.files.gcj02')}</option>
          <option value="bd09">{t('risk.files.bd09')}</option>
        </select>
        <input ref={input} type="file" accept=".geojson,.json,application/geo+json,application/json" hidden onChange={(e) => onFile(e.target.files?.[0])} data-testid="risk-import-file" />
      </div>
      {tooBig && <div className="error-box">{tooBig}</div>}
      <ErrorMessage error={exporting.error} />
      <ErrorMessage error={importing.error} headline={t('risk.files.refused')} />
      {importing.data && (
        <div className="ok-box small" data-testid="risk-import-result">
          {t('risk.files.imported', { count: importing.data.inserted })}
          {importing.data.areas.some((a) => a.nobodyInside) && <> {t('risk.files.someEmpty')}</>}
          {importing.data.fixes.length > 0 && (
            <ul>
              {importing.data.fixes.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
