import { useTranslation } from 'react-i18next';
import { useDeskDialog } from './deskDialog';
import { useCanWrite } from './useCanWrite';

/**
 * "请先签到": shown where a screen's changes are, when the desk would refuse them (nobody signed in, or locked).
 * Nothing while the desk is not known yet or writing is allowed. The button opens the sign-in from here.
 */
export function DeskNotice({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const { blocked } = useCanWrite();
  const openSignIn = useDeskDialog((s) => s.setOpen);
  if (blocked === null || blocked === 'loading') return null;
  return (
    <div className={compact ? 'desk-notice compact' : 'desk-notice warning-box'} data-testid="desk-notice" role="status">
      <span>{t(blocked === 'signed_out' ? 'desk.rule.signedOutNotice' : 'desk.rule.lockedNotice')}</span>
      {blocked === 'signed_out' && (
        <button className="primary" data-testid="desk-notice-signin" onClick={() => openSignIn('signin')}>{t('desk.rule.signInButton')}</button>
      )}
    </div>
  );
}
