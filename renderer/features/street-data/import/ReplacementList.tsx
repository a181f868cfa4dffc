import { useTranslation } from 'react-i18next';
import type { ImportPreviewDto } from '../../../../shared/api/imports';

/** Exactly what the import replaces ("康居雅苑：替换现有 891 人为 4 人"), shrinks marked, and the confirmation it needs. */
export function ReplacementList({ preview, checked, onChange }: { preview: ImportPreviewDto; checked: boolean; onChange: (v: boolean) => void }) {
  const { t } = useTranslation();
  const list = preview.replacements;
  if (list.length === 0) return null;
  return (
    <div className="imp-replace" data-testid="import-replacements">
      <strong>{t('import.replaceTitle', { count: list.length })}</strong>
      <ul>
        {list.map((r) => (
          <li key={r.code} className={r.shrinks ? 'imp-shrinks' : undefined}>
            {t('import.replaceLine', { name: r.name, stored: r.storedRegister > 0 ? r.storedRegister : r.storedResidents, incoming: r.incoming })}
            {r.storedRegister === 0 && t('import.replaceFrom', { source: t(`data.source.${r.storedSource}`) })}
            {r.shrinks && <span className="imp-shrinks-tag">{t('import.replaceShrinks')}</span>}
          </li>
        ))}
      </ul>
      <label className="imp-check">
        <input type="checkbox" checked={checked} data-testid="import-replace-confirm" onChange={(e) => onChange(e.target.checked)} />
        {t('import.replaceConfirm')}
      </label>
    </div>
  );
}
