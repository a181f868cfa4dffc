import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api';
import { ErrorMessage } from '../../../app/ErrorMessage';
import { exportFormats, importKinds, type ImportKind } from '../../../../shared/api/imports';
import { downloadBase64 } from './files';

/** One button per kind and format; each downloads a file the importer reads back. */
export function ExportPanel() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function run(kind: ImportKind, format: 'geojson' | 'csv' | 'xlsx') {
    setBusy(`${kind}-${format}`);
    setError(null);
    try {
      const file = await call('exportData', { kind, format });
      downloadBase64(file.fileName, file.mimeType, file.contentBase64);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="panel imp-export">
      <h2>{t('import.exportTitle')}</h2>
      <p className="muted imp-small">{t('import.exportHint')}</p>
      <div className="imp-export-rows">
        {importKinds.map((kind) => (
          <div key={kind} className="imp-export-row">
            <span>{t(`import.kinds.${kind}`)}</span>
            {exportFormats[kind].map((format) => (
              <button key={format} type="button" disabled={busy !== null} data-testid={`export-${kind}-${format}`} onClick={() => void run(kind, format)}>
                {busy === `${kind}-${format}` ? t('import.exporting') : t(`import.exportAs.${format}`)}
              </button>
            ))}
          </div>
        ))}
      </div>
      <ErrorMessage error={error} />
    </section>
  );
}
