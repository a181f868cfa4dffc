import { useTranslation } from 'react-i18next';
import type { ImportResultDto } from '../../../../shared/api/imports';

/** What was written: rows read, inserted, updated; "counts in = counts stored" said in so many words. */
export function ImportResult({ result }: { result: ImportResultDto }) {
  const { t } = useTranslation();
  const stored = result.inserted + result.updated;
  return (
    <div className="ok-box" role="status" data-testid="import-result">
      <strong>{t('import.done', { kind: t(`import.kinds.${result.kind}`) })}</strong>
      <dl className="imp-counts">
        <dt>{t('import.rowsIn')}</dt>
        <dd data-testid="result-rowsIn">{result.rowsIn}</dd>
        <dt>{t('import.inserted')}</dt>
        <dd data-testid="result-inserted">{result.inserted}</dd>
        <dt>{t('import.updated')}</dt>
        <dd data-testid="result-updated">{result.updated}</dd>
        {result.gridsCreated !== undefined && (
          <>
            <dt>{t('import.gridsCreated')}</dt>
            <dd data-testid="result-gridsCreated">{result.gridsCreated}</dd>
          </>
        )}
        {result.replacedResidents !== undefined && (
          <>
            <dt>{t('import.replaced')}</dt>
            <dd data-testid="result-replaced">{result.replacedResidents}</dd>
          </>
        )}
      </dl>
      <div>{stored === result.rowsIn ? t('import.allStored', { n: stored }) : t('import.notAllStored', { n: stored, m: result.rowsIn })}</div>
    </div>
  );
}
