import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ErrorMessage } from '../../app/ErrorMessage';
import { Dialog } from '../../app/Dialog';

/** 恢复常态化: a decision with a stated reason, never a click by accident; the server may refuse it. */
export function SwitchBackDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const back = useMutation({
    mutationFn: () => call('switchToRoutine', { reason }),
    onSuccess: () => {
      onClose();
    },
  });
  return (
    <Dialog
      title={t('mode.back.title')}
      onClose={onClose}
      testId="switch-back-dialog"
      footer={
        <>
          <span className="spacer" />
          <button onClick={onClose}>{t('common.cancel')}</button>
          <button className="primary" data-testid="switch-back-submit" disabled={back.isPending} onClick={() => back.mutate()}>
            {t('mode.back.submit')}
          </button>
        </>
      }
    >
      <p className="muted">{t('mode.back.intro')}</p>
      <div className="field">
        <label htmlFor="back-reason">{t('mode.back.reason')}</label>
        <textarea id="back-reason" data-testid="switch-back-reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <ErrorMessage error={back.error} />
    </Dialog>
  );
}
