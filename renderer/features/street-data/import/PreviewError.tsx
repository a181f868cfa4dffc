import { useTranslation } from 'react-i18next';
import { ApiCallError } from '../../../api';
import { ErrorMessage } from '../../../app/ErrorMessage';
import { noteText } from './notes';

/**
 * A file the preview cannot read (wrong encoding, not a table, empty ...): said as that, with where and what, not as a
 * rejected import (nothing was being imported yet).
 */
export function PreviewError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (!(error instanceof ApiCallError) || !error.error.problems?.length) return <ErrorMessage error={error} />;
  return (
    <div className="error-box" role="alert" data-testid="import-preview-error">
      <strong>{t('import.previewFailed')}</strong>
      <ul>
        {error.error.problems.map((p, i) => (
          <li key={i}>{noteText(p, t)}</li>
        ))}
      </ul>
    </div>
  );
}
