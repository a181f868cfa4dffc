import { useTranslation } from 'react-i18next';
import { importFields, type ImportKind, type ImportMapping } from '../../../../shared/api/imports';

/** Our fields on the left, a select of the file's columns (or GeoJSON properties) on the right. */
export function MappingEditor({
  kind,
  columns,
  mapping,
  onChange,
}: {
  kind: ImportKind;
  columns: string[];
  mapping: ImportMapping;
  onChange: (m: ImportMapping) => void;
}) {
  const { t } = useTranslation();
  return (
    <table className="data imp-mapping" data-testid="import-mapping">
      <thead>
        <tr>
          <th>{t('import.ourField')}</th>
          <th>{t('import.fileColumn')}</th>
        </tr>
      </thead>
      <tbody>
        {importFields[kind].map((f) => {
          const value = mapping[f.id] ?? '';
          const missing = f.required && !value;
          return (
            <tr key={f.id} className={missing ? 'imp-missing' : undefined}>
              <td>
                <label htmlFor={`map-${f.id}`}>
                  {t(`import.fields.${kind}.${f.id}`)}
                  {f.required && <span className="imp-required" title={t('import.required')}> *</span>}
                </label>
              </td>
              <td>
                <select
                  id={`map-${f.id}`}
                  data-testid={`map-${f.id}`}
                  value={value}
                  onChange={(e) => onChange({ ...mapping, [f.id]: e.target.value || null })}
                >
                  <option value="">{f.required ? t('import.chooseColumn') : t('import.notImported')}</option>
                  {columns.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
