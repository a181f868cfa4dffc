import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiCallError, call } from '../../api';
import { ErrorMessage } from '../../app/ErrorMessage';
import { invalidateFeatures } from '../../app/queryClient';
import { contract } from '../../../shared/api/contract';
import { fromDateTimeLocal, toDateTimeLocal } from '../../../shared/domain/shanghai-time';
import { Dialog } from '../../app/Dialog';
import { nowMs } from '../../app/clock';
import { TriggerFields, type TriggerForm } from './TriggerFields';

type Kind = 'switch' | 'positive';

function blankForm(): TriggerForm {
  return { reportedAt: toDateTimeLocal(nowMs()), place: '', caseType: 'confirmed', reportedBy: '', note: '', compound: null, point: null };
}

/**
 * 启动应急响应: ONE dialog with the trigger and one confirmation. The server refuses T0 in the future, empty fields
 * and a second switch; T0 more than 72 h ago needs an extra confirmation, then the same input goes again with the flag.
 * With kind "positive" the same form records a new positive during the emergency (its own 2 h clock).
 */
export function SwitchDialog({ kind, onClose }: { kind: Kind; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [form, setForm] = useState<TriggerForm>(blankForm);
  const [localError, setLocalError] = useState('');
  const [needsConfirm, setNeedsConfirm] = useState<string | null>(null);

  const submit = useMutation({
    mutationFn: (confirmOldT0: boolean) => {
      const input = {
        reportedAt: fromDateTimeLocal(form.reportedAt),
        place: form.place,
        caseType: form.caseType,
        reportedBy: form.reportedBy,
        note: form.note.trim() ? form.note : null,
        compoundId: form.compound?.id ?? null,
        point: form.point,
      };
      return kind === 'switch' ? call('switchToEmergency', { ...input, confirmOldT0 }) : call('recordPositive', input);
    },
    onSuccess: () => {
      onClose();
    },
    onError: (err) => {
      if (err instanceof ApiCallError && err.error.code === 'confirmation_required') setNeedsConfirm(err.error.message);
      // Another window switched first: show the mode as it is now behind the dialog.
      if (err instanceof ApiCallError && err.error.code === 'conflict') void invalidateFeatures(qc, contract.switchToEmergency.invalidates);
    },
  });

  const go = (confirmOldT0: boolean) => {
    setLocalError('');
    if (Number.isNaN(fromDateTimeLocal(form.reportedAt))) {
      setLocalError(t('mode.trigger.timeMissing'));
      return;
    }
    submit.mutate(confirmOldT0);
  };
  const change = (f: TriggerForm) => {
    setForm(f);
    setNeedsConfirm(null); // a changed time has to be confirmed again
  };
  const serverError = submit.error instanceof ApiCallError && submit.error.error.code === 'confirmation_required' ? null : submit.error;

  return (
    <Dialog
      title={t(kind === 'switch' ? 'mode.switch.title' : 'mode.positive.title')}
      onClose={onClose}
      tone={kind === 'switch' ? 'danger' : 'normal'}
      testId={kind === 'switch' ? 'switch-dialog' : 'positive-dialog'}
      width={680}
      footer={
        <>
          <span className="spacer" />
          <button onClick={onClose}>{t('common.cancel')}</button>
          {needsConfirm ? (
            <button className="danger-solid" data-testid="switch-confirm-old" disabled={submit.isPending} onClick={() => go(true)}>
              {t('mode.switch.confirmOld')}
            </button>
          ) : (
            <button className={kind === 'switch' ? 'danger-solid' : 'primary'} data-testid="switch-submit" disabled={submit.isPending} onClick={() => go(false)}>
              {t(kind === 'switch' ? 'mode.switch.submit' : 'mode.positive.submit')}
            </button>
          )}
        </>
      }
    >
      <p className="muted">{t(kind === 'switch' ? 'mode.switch.intro' : 'mode.positive.intro')}</p>
      <TriggerFields form={form} onChange={change} />
      {localError && <div className="error-box" role="alert">{localError}</div>}
      <ErrorMessage error={serverError} />
      {needsConfirm && (
        <div className="warning-box" role="alert" data-testid="old-t0-warning">
          <strong>{t('mode.switch.oldWarning')}</strong> {needsConfirm}
        </div>
      )}
    </Dialog>
  );
}
