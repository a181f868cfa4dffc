import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ErrorMessage } from '../../app/ErrorMessage';
import type { LogEntryDto } from '../../../shared/api/log';
import { formatDateTime } from '../../../shared/domain/shanghai-time';
import { Dialog } from '../../app/Dialog';
import { refreshDeskData } from '../mode/queries';

/** A correction is a new entry pointing at the old one; the old one stays in the log. */
export function CorrectEntryDialog({ entry, onClose }: { entry: LogEntryDto; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [text, setText] = useState(entry.text);
  const [reason, setReason] = useState('');
  const save = useMutation({
    mutationFn: () => call('correctLogEntry', { id: entry.id, text, reason }),
    onSuccess: () => {
      void refreshDeskData(qc);
      onClose();
    },
  });
  return (
    <Dialog
      title={t('log.correctTitle', { id: entry.id })}
      onClose={onClose}
      testId="log-correct-dialog"
      footer={
        <>
          <span className="spacer" />
          <button onClick={onClose}>{t('common.cancel')}</button>
          <button className="primary" disabled={save.isPending} onClick={() => save.mutate()} data-testid="log-correct-submit">{t('log.correctSubmit')}</button>
        </>
      }
    >
      <div className="muted small">{formatDateTime(entry.at)} · {entry.operator?.name ?? '—'} · {t(`log.categories.${entry.category}`)}</div>
      <blockquote className="log-original">{entry.text}</blockquote>
      <div className="field">
        <label htmlFor="log-correct-text">{t('log.correctedText')}</label>
        <textarea id="log-correct-text" rows={3} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="log-correct-reason">{t('log.reason')}</label>
        <input id="log-correct-reason" value={reason} onChange={(e) => setReason(e.target.value)} data-testid="log-correct-reason" />
      </div>
      <ErrorMessage error={save.error} />
    </Dialog>
  );
}
