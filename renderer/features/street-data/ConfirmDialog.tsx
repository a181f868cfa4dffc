import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../app/ErrorMessage';
import { Dialog } from '../../app/Dialog';

/**
 * Asks before a destructive action and says what else goes with it. Runs the action itself, so a failure
 * (say, someone else deleted the row first) shows inside the dialog instead of vanishing.
 */
export function ConfirmDialog({
  title,
  question,
  consequences,
  confirmLabel,
  action,
  onClose,
}: {
  title: string;
  question: string;
  consequences: string[];
  confirmLabel: string;
  action: () => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const run = useMutation({
    mutationFn: action,
    onSuccess: async () => {
      onClose();
    },
  });
  const close = () => !run.isPending && onClose();
  return (
    <Dialog
      title={title}
      tone="danger"
      width={480}
      testId="confirm-dialog"
      onClose={close}
      footer={
        <>
          <button type="button" autoFocus onClick={close} disabled={run.isPending}>
            {t('common.cancel')}
          </button>
          <button type="button" className="danger-solid" data-testid="confirm-delete" onClick={() => run.mutate()} disabled={run.isPending}>
            {run.isPending ? t('data.working') : confirmLabel}
          </button>
        </>
      }
    >
      <p className="sd-question">{question}</p>
      {consequences.length > 0 && (
        <ul className="sd-consequences">
          {consequences.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      )}
      <p className="muted sd-small">{t('data.delete.irreversible')}</p>
      <ErrorMessage error={run.error} />
    </Dialog>
  );
}
