import { useEffect, useState, type ReactNode } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiCallError } from '../api';
import { Dialog } from './Dialog';
import { ErrorMessage } from './ErrorMessage';
import { textLimits } from '../../shared/api/text';

/**
 * The one dialog that asks before an action, optionally for a stated reason: deleting a row, restoring a backup,
 * switching back to routine, correcting T0 or a log entry. It runs the action itself, so a refusal (the reason is
 * missing, someone else deleted the row first) shows inside the dialog, which stays open; while it runs the dialog
 * cannot be closed and its button says so.
 */
export function ConfirmDialog<R>({
  title,
  testId,
  tone = 'normal',
  width,
  children,
  reason,
  confirmLabel,
  confirmTestId,
  check,
  confirmAgain,
  action,
  onDone,
  onClose,
}: {
  title: string;
  testId: string;
  /** danger: red title and button, and Cancel has the focus, so Enter never destroys anything by accident. */
  tone?: 'normal' | 'danger';
  width?: number;
  /** What is asked, and the owner's own fields (the text being corrected, the new time). */
  children?: ReactNode;
  /** A reason field after the owner's content; what is typed goes to `action`. `rows` makes it a text area. */
  reason?: { label: string; id: string; testId?: string; rows?: number };
  confirmLabel: string;
  confirmTestId: string;
  /** Checked before anything is sent: a message to show instead, or null to go ahead. */
  check?: () => string | null;
  /**
   * When the server answers `confirmation_required` (a T0 over 72 h ago), its message is shown as a warning under
   * `heading` and the button, now saying `label`, sends again with `confirmed: true`. A change of `resetOn` (the
   * time typed) asks again.
   */
  confirmAgain?: { heading: string; label: string; resetOn?: unknown };
  action: (input: { reason: string; confirmed: boolean }) => Promise<R>;
  /** After the action succeeded, just before the dialog closes: refresh, say what happened. */
  onDone?: (result: R) => unknown;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [reasonText, setReasonText] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const [warning, setWarning] = useState<string | null>(null);
  const run = useMutation({
    mutationFn: (confirmed: boolean) => action({ reason: reasonText, confirmed }),
    onSuccess: (result) => {
      void onDone?.(result);
      onClose();
    },
    onError: (err) => {
      if (confirmAgain && isConfirmationRequired(err)) setWarning(err.error.message);
    },
  });
  const resetOn = confirmAgain?.resetOn;
  useEffect(() => setWarning(null), [resetOn]);

  const submit = () => {
    const problem = check?.() ?? null;
    setLocalError(problem);
    if (problem === null) run.mutate(warning !== null);
  };
  const close = () => !run.isPending && onClose();
  const danger = tone === 'danger';
  // A confirmation the server asked for is shown as the warning, not as an error.
  const serverError = confirmAgain && isConfirmationRequired(run.error) ? null : run.error;
  return (
    <Dialog
      title={title}
      tone={tone}
      width={width}
      testId={testId}
      onClose={close}
      footer={
        <>
          <button type="button" autoFocus={danger} disabled={run.isPending} onClick={close}>
            {t('common.cancel')}
          </button>
          <button type="button" className={danger ? 'danger-solid' : 'primary'} data-testid={confirmTestId} disabled={run.isPending} onClick={submit}>
            {run.isPending ? t('common.working') : warning !== null && confirmAgain ? confirmAgain.label : confirmLabel}
          </button>
        </>
      }
    >
      {children}
      {reason && (
        <div className="field">
          <label htmlFor={reason.id}>{reason.label}</label>
          {reason.rows ? (
            <textarea id={reason.id} data-testid={reason.testId} rows={reason.rows} maxLength={textLimits.reason} value={reasonText} onChange={(e) => setReasonText(e.target.value)} />
          ) : (
            <input id={reason.id} data-testid={reason.testId} maxLength={textLimits.reason} value={reasonText} onChange={(e) => setReasonText(e.target.value)} />
          )}
        </div>
      )}
      {localError && <div className="error-box" role="alert">{localError}</div>}
      <ErrorMessage error={serverError} />
      {warning !== null && confirmAgain && (
        <div className="warning-box" role="alert"><strong>{confirmAgain.heading}</strong> {warning}</div>
      )}
    </Dialog>
  );
}

function isConfirmationRequired(err: unknown): err is ApiCallError {
  return err instanceof ApiCallError && err.error.code === 'confirmation_required';
}
