import { useTranslation } from 'react-i18next';
import { ApiCallError } from '../api';
import type { ProblemLocation } from '../../shared/api/errors';

/** "文件 a.csv，第 3 行，字段 出生年份：…" in the UI's language. */
function describeProblem(p: ProblemLocation, t: (key: string, o?: Record<string, unknown>) => string): string {
  const where: string[] = [];
  if (p.file) where.push(t('errors.where.file', { file: p.file }));
  if (p.line !== undefined) where.push(t('errors.where.line', { line: p.line }));
  if (p.feature !== undefined) where.push(t('errors.where.feature', { feature: p.feature }));
  if (p.field) where.push(t('errors.where.field', { field: p.field }));
  return where.length ? `${where.join(t('errors.where.sep'))}${t('errors.where.colon')}${p.message}` : p.message;
}

/**
 * Shows an API error: the translated headline by code (or `headline`, where the code's would mislead: a file
 * refused in a preview is not a refused import), the message, and every located problem (file, line, field).
 */
export function ErrorMessage({ error, headline }: { error: unknown; headline?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  const e = error instanceof ApiCallError ? error.error : { code: 'internal' as const, message: String((error as Error).message ?? error) };
  return (
    <div className="error-box" role="alert">
      <strong>{headline ?? t(`errors.${e.code}`)}</strong>{t('errors.where.colon')}{e.message}
      {'problems' in e && e.problems && e.problems.length > 0 && (
        <ul>
          {e.problems.map((p, i) => (
            <li key={i}>{describeProblem(p, t)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
