import { useTranslation } from 'react-i18next';

/** The edit and delete links at the end of a street-data row. */
export function RowActions({ onEdit, onDelete }: { onEdit: () => void; onDelete: () => void }) {
  const { t } = useTranslation();
  return (
    <td className="sd-actions">
      <button className="link" onClick={onEdit}>{t('common.edit')}</button>
      <button className="link danger" onClick={onDelete}>{t('common.delete')}</button>
    </td>
  );
}
