import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiCallError, call } from '../../api';
import { ErrorMessage } from '../../app/ErrorMessage';
import { formatDateTime, fromDateTimeLocal, toDateTimeLocal } from '../../../shared/domain/shanghai-time';
import { Dialog } from '../../app/Dialog';
import { refreshDeskData } from './queries';

/** Corrects T0 with a stated reason; the correction is kept and the clocks follow. */
export function CorrectT0Dialog({ t0, onClose }: { t0: number; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [at, setAt] = useState(toDateTimeLocal(t0));
  const [reason, setReason] = useState('');
  const [needsConfirm, setNeedsConfirm] = useState<string | null>(null);
  const [localError, setLocalError] = useState('');
  const save = useMutation({
    mutationFn: (confirmOldT0: boolean) => call('correctT0', { reportedAt: fromDateTimeLocal(at), reason, confirmOldT0 }),
    onSuccess: () => {
      void refreshDeskData(qc);
      onClose();
    },
    onError: (err) => {
      if (err instanceof ApiCallError && err.error.code === 'confirmation_required') setNeedsConfirm(err.error.message);
    },
  });
  const go = (confirm: boolean) => {
    setLocalError('');
    if (Number.isNaN(fromDateTimeLocal(at))) return setLocalError(t('mode.trigger.timeMissing'));
    save.mutate(confirm);
  };
  const serverError = save.error instanceof ApiCallError && save.error.error.code === 'confirmation_required' ? null : save.error;
  return (
    <Dialog
      title={t('mode.t0.title')}
      onClose={onClose}
      testId="correct-t0-dialog"
      footer={
        <>
          <span className="spacer" />
          <button onClick={onClose}>{t('common.cancel')}</button>
          <button className="primary" data-testid="correct-t0-submit" disabled={save.isPending} onClick={() => go(needsConfirm !== null)}>
            {needsConfirm ? t('mode.switch.confirmOld') : t('mode.t0.submit')}
          </button>
        </>
      }
    >
      <div className="muted">{t('mode.t0.current', { time: formatDateTime(t0) })}</div>
      <div className="field">
        <label htmlFor="t0-new">{t('mode.t0.newTime')}</label>
        <input id="t0-new" type="datetime-local" value={at} onChange={(e) => { setAt(e.target.value); setNeedsConfirm(null); }} />
      </div>
      <div className="field">
        <label htmlFor="t0-reason">{t('mode.t0.reason')}</label>
        <textarea id="t0-reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      {localError && <div className="error-box" role="alert">{localError}</div>}
      <ErrorMessage error={serverError} />
      {needsConfirm && <div className="warning-box" role="alert"><strong>{t('mode.switch.oldWarning')}</strong> {needsConfirm}</div>}
    </Dialog>
  );
}
