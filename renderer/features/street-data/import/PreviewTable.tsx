import { useTranslation } from 'react-i18next';
import type { ImportPreviewDto } from '../../../../shared/api/imports';

/** The first rows (or features) of the file as read with the chosen encoding: what the user checks before importing. */
export function PreviewTable({ preview }: { preview: ImportPreviewDto }) {
  const { t } = useTranslation();
  const geo = preview.format === 'geojson';
  return (
    <div className="imp-preview-wrap">
      <table className="data imp-preview" data-testid="import-preview">
        <thead>
          <tr>
            <th className="num">{geo ? t('import.featureNo') : t('import.lineNo')}</th>
            {preview.columns.map((c) => (
              <th key={c}>{c}</th>
            ))}
            {geo && <th>{t('import.geometry')}</th>}
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((r) => (
            <tr key={r.line ?? r.feature}>
              <td className="num muted">{r.line ?? r.feature}</td>
              {r.values.map((v, i) => (
                <td key={i}>{v ?? <span className="muted">—</span>}</td>
              ))}
              {geo && <td className="muted">{r.geometry}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
