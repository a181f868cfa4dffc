import { useTranslation } from 'react-i18next';
import { ApiCallError } from '../api';
import { describeProblem } from '../../shared/api/errors';

/** Shows an API error: the translated headline by code, the message, and every located problem (file, line, field). */
export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const e = error instanceof ApiCallError ? error.error : { code: 'internal' as const, message: String((error as Error).message ?? error) };
  return (
    <div className="error-box" role="alert">
      <strong>{t(`errors.${e.code}`)}</strong>：{e.message}
      {'problems' in e && e.problems && e.problems.length > 0 && (
        <ul>
          {e.problems.map((p, i) => (
            <li key={i}>{describeProblem(p)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
