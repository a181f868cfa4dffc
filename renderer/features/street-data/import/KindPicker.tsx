import { useTranslation } from 'react-i18next';
import { importKinds, type ImportKind } from '../../../../shared/api/imports';

/** The four kinds of import, each with the file format it expects. */
export function KindPicker({ kind, onChange }: { kind: ImportKind; onChange: (k: ImportKind) => void }) {
  const { t } = useTranslation();
  return (
    <div className="imp-kinds" role="radiogroup" aria-label={t('import.kind')}>
      {importKinds.map((k) => (
        <label key={k} className={k === kind ? 'imp-kind active' : 'imp-kind'} data-testid={`import-kind-${k}`}>
          <input type="radio" name="import-kind" value={k} checked={k === kind} onChange={() => onChange(k)} />
          <span className="imp-kind-name">{t(`import.kinds.${k}`)}</span>
          <span className="imp-kind-format">{t(`import.formats.${k}`)}</span>
        </label>
      ))}
    </div>
  );
}
