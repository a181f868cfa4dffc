import { useTranslation } from 'react-i18next';
import type { ImportPreviewDto } from '../../../../shared/api/imports';

/** The communities (and, for the population table, compounds) the file names that do not exist yet, and the agreement to create them. */
export function CreationList({ preview, checked, onChange }: { preview: ImportPreviewDto; checked: boolean; onChange: (v: boolean) => void }) {
  const { t } = useTranslation();
  const { communitiesToCreate: communities, compoundsToCreate: compounds } = preview;
  if (communities.length === 0 && compounds.length === 0) return null;
  return (
    <div className="imp-create" data-testid="import-create">
      {communities.length > 0 && (
        <>
          <p>{t('import.createCommunities', { count: communities.length })}</p>
          <table className="data dense" data-testid="import-create-communities">
            <thead>
              <tr>
                <th>{t('import.createCol.code')}</th>
                <th>{t('import.createCol.name')}</th>
              </tr>
            </thead>
            <tbody>
              {communities.map((c) => (
                <tr key={c.code}>
                  <td className="code">{c.code}</td>
                  <td>{c.name}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {compounds.length > 0 && (
        <>
          <p>{t('import.createCompounds', { count: compounds.length })}</p>
          <div className="imp-create-scroll">
            <table className="data dense" data-testid="import-create-compounds">
              <thead>
                <tr>
                  <th>{t('import.createCol.code')}</th>
                  <th>{t('import.createCol.name')}</th>
                  <th>{t('import.createCol.community')}</th>
                </tr>
              </thead>
              <tbody>
                {compounds.map((c) => (
                  <tr key={c.code}>
                    <td className="code">{c.code}</td>
                    <td>{c.name}</td>
                    <td>{c.communityName}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <label className="imp-check">
        <input type="checkbox" checked={checked} data-testid="import-create-confirm" onChange={(e) => onChange(e.target.checked)} />
        {t(compounds.length > 0 ? 'import.createConfirm' : 'import.createConfirmCommunities')}
      </label>
    </div>
  );
}
