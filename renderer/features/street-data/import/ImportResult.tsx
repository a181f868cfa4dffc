import { useTranslation } from 'react-i18next';
import type { ImportResultDto } from '../../../../shared/api/imports';

/**
 * What was written: data rows read, inserted, updated, created, replaced; "counts in = counts stored" said in so many
 * words; for GeoJSON also what the geometry check fixed (repeated points, dropped rings, heights) and the conversion to WGS-84.
 */
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
        {result.communitiesCreated !== undefined && (
          <>
            <dt>{t('import.communitiesCreated')}</dt>
            <dd data-testid="result-communitiesCreated">{result.communitiesCreated}</dd>
          </>
        )}
        {result.replacedCompounds !== undefined && result.kind === 'residents' && (
          <>
            <dt>{t('import.replacedCompounds')}</dt>
            <dd data-testid="result-replacedCompounds">{result.replacedCompounds}</dd>
          </>
        )}
        {result.geometry && result.geometry.duplicateVertices > 0 && (
          <>
            <dt>{t('import.duplicatesRemoved')}</dt>
            <dd data-testid="result-duplicateVertices">{result.geometry.duplicateVertices}</dd>
          </>
        )}
        {result.geometry && result.geometry.droppedRings > 0 && (
          <>
            <dt>{t('import.ringsDropped')}</dt>
            <dd data-testid="result-droppedRings">{result.geometry.droppedRings}</dd>
          </>
        )}
        {result.geometry && result.geometry.droppedZ > 0 && (
          <>
            <dt>{t('import.zDropped')}</dt>
            <dd data-testid="result-droppedZ">{result.geometry.droppedZ}</dd>
          </>
        )}
        {result.replacedResidents !== undefined && (
          <>
            <dt>{t('import.replaced')}</dt>
            <dd data-testid="result-replaced">{result.replacedResidents}</dd>
          </>
        )}
        {result.skippedTotals !== undefined && result.skippedTotals > 0 && (
          <>
            <dt>{t('import.skippedTotalsResult')}</dt>
            <dd data-testid="result-skippedTotals">{result.skippedTotals}</dd>
          </>
        )}
      </dl>
      <div>{stored === result.rowsIn ? t('import.allStored', { n: stored }) : t('import.notAllStored', { n: stored, m: result.rowsIn })}</div>
      {result.crs && <div data-testid="result-crs">{t('import.convertedFrom', { crs: t(`import.${result.crs}`) })}</div>}
      {result.geometry && result.geometry.warnings.length > 0 && (
        <ul className="imp-result-warnings">
          {result.geometry.warnings.map((w, i) => (
            <li key={i}>
              {w.feature !== undefined && `${t('errors.where.feature', { feature: w.feature })}${t('errors.where.colon')}`}
              {w.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
