import { useEffect, useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ErrorMessage } from '../../app/ErrorMessage';
import { useOperators } from './queries';
import { OperatorPicker } from './OperatorPicker';
import { FirstOperatorForm } from './FirstOperatorForm';

/**
 * Take the desk: pick your name (+ PIN). Used by the sign-in dialog and the lock screen.
 * `focusWhenReady`: once the names have loaded, focus the PIN field (when the chosen person has one) or the name.
 */
export function SignInForm({ onDone, preselect, submitLabel, focusWhenReady = false }: {
  onDone: () => void;
  preselect?: number | null;
  submitLabel: string;
  focusWhenReady?: boolean;
}) {
  const { t } = useTranslation();
  const operators = useOperators();
  const [v, setV] = useState<{ operatorId: number | null; pin: string }>({ operatorId: preselect ?? null, pin: '' });
  const signIn = useMutation({
    mutationFn: () => call('signIn', { operatorId: v.operatorId!, pin: v.pin || undefined }),
    onSuccess: () => {
      onDone();
    },
  });
  const active = (operators.data ?? []).filter((o) => o.active);
  const formRef = useRef<HTMLFormElement>(null);
  const loaded = operators.data !== undefined;
  useEffect(() => {
    if (!focusWhenReady || !loaded) return;
    const f = formRef.current;
    (f?.querySelector<HTMLElement>('#signin-pin') ?? f?.querySelector<HTMLElement>('#signin-who'))?.focus();
  }, [focusWhenReady, loaded]);
  // First start: nobody to pick yet. The first operator may be added without a desk (the server's one exception).
  if (operators.data && operators.data.length === 0) return <FirstOperatorForm onDone={onDone} />;
  return (
    <form
      ref={formRef}
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        if (v.operatorId !== null) signIn.mutate();
      }}
    >
      {operators.data && active.length === 0 && <div className="warning-box">{t('desk.noOperators')}</div>}
      <OperatorPicker operators={active} operatorId={v.operatorId} pin={v.pin} onChange={setV} idPrefix="signin" />
      <ErrorMessage error={operators.error ?? signIn.error} />
      <div className="row">
        <span className="spacer" />
        <button type="submit" className="primary" data-testid="signin-submit" disabled={v.operatorId === null || signIn.isPending}>{submitLabel}</button>
      </div>
    </form>
  );
}
