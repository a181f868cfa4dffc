import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { useApiQuery } from '../../app/queries';
import { formatTime } from '../../../shared/domain/shanghai-time';
import { Dialog } from '../../app/Dialog';
import { useDesk } from './queries';
import { useDeskDialog } from './deskDialog';
import { SignInForm } from './SignInForm';
import { HandoverDialog } from './HandoverDialog';
import { LockScreen } from './LockScreen';
import { useIdleLock } from './useIdleLock';
import './desk.css';

/**
 * In the top bar: who is at the desk (always visible), sign in, 交接班, lock, sign out; and the lock screen, shown
 * whenever the server says the desk is locked (idle, on demand, after a restart or a restore).
 */
export function DeskControl() {
  const { t } = useTranslation();
  const desk = useDesk();
  // Settings saves refresh appInfo at once; the desk answer catches up within a minute.
  const info = useApiQuery('getAppInfo', {});
  const { open, setOpen } = useDeskDialog();
  const signOut = useMutation({ mutationFn: () => call('signOut', {}) });
  const lock = useMutation({ mutationFn: () => call('lockDesk', {}) });
  const d = desk.data;
  const op = d?.operator ?? null;
  const locked = d?.locked ?? false;
  useIdleLock(info.data?.settings.idleLockMinutes ?? d?.idleLockMinutes ?? 0, op !== null && !locked);

  return (
    <span className="desk-control">
      {op ? (
        <>
          <span className="desk-operator" data-testid="desk-operator" title={d?.since ? t('desk.since', { time: formatTime(d.since) }) : undefined}>
            {t('desk.operatorLabel')}<strong>{op.name}</strong>
          </span>
          <button className="topbar-button" data-testid="open-handover" onClick={() => setOpen('handover')}>{t('desk.handover.button')}</button>
          <button className="topbar-button" data-testid="lock-desk" onClick={() => lock.mutate()}>{t('desk.lock.button')}</button>
          <button className="topbar-button" onClick={() => window.confirm(t('desk.confirmSignOut', { name: op.name })) && signOut.mutate()}>
            {t('desk.signOut')}
          </button>
        </>
      ) : (
        <>
          <span className="desk-operator none" data-testid="desk-operator">{t('desk.nobody')}</span>
          <button className="topbar-button primary" data-testid="open-signin" onClick={() => setOpen('signin')}>{t('desk.signIn')}</button>
        </>
      )}
      {open === 'signin' && !op && (
        <Dialog title={t('desk.signInTitle')} onClose={() => setOpen(null)} testId="signin-dialog"
          footer={<><span className="spacer" /><button onClick={() => setOpen(null)}>{t('common.cancel')}</button></>}>
          <SignInForm onDone={() => setOpen(null)} submitLabel={t('desk.signIn')} />
          <a href="#/duty" onClick={() => setOpen(null)} className="small">{t('desk.manageOperators')}</a>
        </Dialog>
      )}
      {open === 'handover' && op && !locked && <HandoverDialog fromId={op.id} fromName={op.name} onClose={() => setOpen(null)} />}
      {locked && op && <LockScreen operatorId={op.id} operatorName={op.name} lockedAt={d?.lockedAt ?? null} />}
    </span>
  );
}
