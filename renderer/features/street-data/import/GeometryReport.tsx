import { useTranslation } from 'react-i18next';
import type { ProblemLocation } from '../../../../shared/api/errors';
import type { GeometryFixes } from '../../../../shared/api/imports';

type Report = GeometryFixes & { problems?: ProblemLocation[]; problemsTotal?: number };

/**
 * What the geometry check found in a GeoJSON file: problems that would refuse the import (shown in the preview as
 * problems in the file, not as a refused import), and what the import fixes on its own (repeated points, degenerate
 * rings, heights), each located by feature.
 */
export function GeometryReport({ report }: { report: Report }) {
  const { t } = useTranslation();
  const where = (p: ProblemLocation) => (p.feature !== undefined ? `${t('errors.where.feature', { feature: p.feature })}${t('errors.where.colon')}` : '');
  const listed = (shown: number, total: number) => (total > shown ? ` ${t('import.listedOf', { total, n: shown })}` : '');
  const problems = report.problems ?? [];
  const problemsTotal = report.problemsTotal ?? 0;
  const fixes = [
    report.duplicateVertices > 0 && t('import.fixDuplicates', { count: report.duplicateVertices }),
    report.droppedRings > 0 && t('import.fixRings', { count: report.droppedRings }),
    report.droppedZ > 0 && t('import.fixZ', { count: report.droppedZ }),
  ].filter((x): x is string => typeof x === 'string');
  if (problemsTotal === 0 && fixes.length === 0) return null;
  return (
    <div className="imp-geometry" data-testid="import-geometry">
      {problemsTotal > 0 && (
        <div className="imp-file-problems" data-testid="import-geometry-problems">
          <strong>{t('import.previewProblems', { count: problemsTotal })}</strong>
          {listed(problems.length, problemsTotal)}
          <ul>
            {problems.map((p, i) => (
              <li key={i}>
                {where(p)}
                {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {fixes.length > 0 && (
        <div className="imp-fixes" data-testid="import-geometry-fixes">
          <strong>{t('import.previewFixes')}</strong> {fixes.join(t('import.listSep'))}
          {listed(report.warnings.length, report.warningsTotal)}
          {report.warnings.length > 0 && (
            <ul>
              {report.warnings.map((p, i) => (
                <li key={i}>
                  {where(p)}
                  {p.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
