import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { useApiQuery } from '../../app/queries';
import { formatTime } from '../../../shared/domain/shanghai-time';
import { Dialog } from '../../app/Dialog';
import { useDesk } from './queries';
import { SignInForm } from './SignInForm';
import { HandoverDialog } from './HandoverDialog';
import { LockScreen } from './LockScreen';
import { useIdleLock } from './useIdleLock';
import './desk.css';

/** In the top bar: who is at the desk (always visible), sign in, 交接班, sign out; and the idle lock. */
export function DeskControl() {
  const { t } = useTranslation();
  const desk = useDesk();
  // Settings saves refresh appInfo at once; the desk answer catches up within a minute.
  const info = useApiQuery('getAppInfo', {});
  const [open, setOpen] = useState<null | 'signin' | 'handover'>(null);
  const signOut = useMutation({ mutationFn: () => call('signOut', {}) });
  const d = desk.data;
  const op = d?.operator ?? null;
  const lock = useIdleLock(info.data?.settings.idleLockMinutes ?? d?.idleLockMinutes ?? 0, op !== null);

  return (
    <span className="desk-control">
      {op ? (
        <>
          <span className="desk-operator" data-testid="desk-operator" title={d?.since ? t('desk.since', { time: formatTime(d.since) }) : undefined}>
            {t('desk.operatorLabel')}<strong>{op.name}</strong>
          </span>
          <button className="topbar-button" data-testid="open-handover" onClick={() => setOpen('handover')}>{t('desk.handover.button')}</button>
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
      {open === 'signin' && (
        <Dialog title={t('desk.signInTitle')} onClose={() => setOpen(null)} testId="signin-dialog"
          footer={<><span className="spacer" /><button onClick={() => setOpen(null)}>{t('common.cancel')}</button></>}>
          <SignInForm onDone={() => setOpen(null)} submitLabel={t('desk.signIn')} />
          <a href="#/duty" onClick={() => setOpen(null)} className="small">{t('desk.manageOperators')}</a>
        </Dialog>
      )}
      {open === 'handover' && op && <HandoverDialog fromId={op.id} fromName={op.name} onClose={() => setOpen(null)} />}
      {lock.locked && op && <LockScreen operatorId={op.id} operatorName={op.name} onUnlock={lock.unlock} />}
    </span>
  );
}
