import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../../shared/domain/shanghai-time';
import { ModeBanner } from '../mode/ModeBanner';
import { DeadlineStrip } from '../mode/DeadlineStrip';
import { SignInForm } from './SignInForm';

/**
 * The locked desk: an opaque modal over everything (the desk's records stay private) that still shows the mode
 * and the most urgent deadlines. It shows while the server says the desk is locked; the operator at the desk
 * unlocks with their PIN, or the next operator signs in with theirs. Both refresh the desk, which takes it away.
 */
export function LockScreen({ operatorId, operatorName, lockedAt }: { operatorId: number; operatorName: string; lockedAt: number | null }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  // Opened in the layout phase, so the sign-in form's focus (an effect, later) wins over the dialog's default focus,
  // which would land on the first link inside: the emergency banner.
  useLayoutEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog ref={ref} className="lock-screen" data-testid="lock-screen" onCancel={(e) => e.preventDefault()}>
      <ModeBanner />
      <DeadlineStrip />
      <div className="lock-box panel stack">
        <h2>{t('desk.lock.title')}</h2>
        <div className="muted">{t('desk.lock.who', { name: operatorName })}</div>
        {lockedAt !== null && <div className="muted small" data-testid="locked-at">{t('desk.lock.since', { time: formatTime(lockedAt) })}</div>}
        <SignInForm preselect={operatorId} onDone={() => undefined} submitLabel={t('desk.lock.unlock')} focusWhenReady />
      </div>
    </dialog>
  );
}
