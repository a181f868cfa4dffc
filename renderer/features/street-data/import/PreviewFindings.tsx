import { useTranslation } from 'react-i18next';
import type { ImportPreviewDto } from '../../../../shared/api/imports';
import { noteText } from './notes';

/**
 * What checking every row found, before anything is written: problems (the import cannot go ahead), warnings (check
 * them; they do not stop it) and the total rows skipped. Problems are the preview's findings, not a rejected import.
 */
export function PreviewFindings({ preview }: { preview: ImportPreviewDto }) {
  const { t } = useTranslation();
  const { problems, problemCount, warnings, skippedTotals } = preview;
  return (
    <div className="imp-findings">
      {skippedTotals.length > 0 && (
        <p className="imp-skipped" data-testid="import-skipped-totals">
          {t('import.skippedTotals', { count: skippedTotals.length })}
          {t('errors.where.colon')}
          {skippedTotals.map((s) => t('import.skippedTotalsAt', { line: s.line, label: s.label })).join(t('import.listSep'))}
        </p>
      )}
      {problemCount > 0 && (
        <div className="imp-problems" role="alert" data-testid="import-problems">
          <strong>
            {t('import.problemsTitle', { count: problemCount })}
            {problems.length < problemCount && t('import.problemsListed', { n: problems.length })}
          </strong>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>{noteText(p, t)}</li>
            ))}
          </ul>
        </div>
      )}
      {warnings.length > 0 && (
        <div className="imp-warnings" data-testid="import-warnings">
          <strong>{t('import.warningsTitle')}</strong>
          <ul>
            {warnings.map((w, i) => (
              <li key={i}>{noteText(w, t)}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
