import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import type { LogEntryDto } from '../../../shared/api/log';
import { formatDateTime } from '../../../shared/domain/shanghai-time';
import { textLimits } from '../../../shared/api/text';

/** A correction is a new entry pointing at the old one, with a stated reason; the old one stays in the log. */
export function CorrectEntryDialog({ entry, onClose }: { entry: LogEntryDto; onClose: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(entry.text);
  return (
    <ConfirmDialog
      title={t('log.correctTitle', { id: entry.id })}
      testId="log-correct-dialog"
      reason={{ label: t('log.reason'), id: 'log-correct-reason', testId: 'log-correct-reason' }}
      confirmLabel={t('log.correctSubmit')}
      confirmTestId="log-correct-submit"
      action={({ reason }) => call('correctLogEntry', { id: entry.id, text, reason })}
      onClose={onClose}
    >
      <div className="muted small">{formatDateTime(entry.at)} · {entry.operator?.name ?? '—'} · {t(`log.categories.${entry.category}`)}</div>
      <blockquote className="log-original">{entry.text}</blockquote>
      <div className="field">
        <label htmlFor="log-correct-text">{t('log.correctedText')}</label>
        <textarea id="log-correct-text" rows={3} maxLength={textLimits.logText} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
    </ConfirmDialog>
  );
}
