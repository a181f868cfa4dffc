import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ConfirmDialog } from '../../app/ConfirmDialog';

/** 恢复常态化: a decision with a stated reason, never a click by accident; the server may refuse it. */
export function SwitchBackDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      title={t('mode.back.title')}
      testId="switch-back-dialog"
      reason={{ label: t('mode.back.reason'), id: 'back-reason', testId: 'switch-back-reason', rows: 3 }}
      confirmLabel={t('mode.back.submit')}
      confirmTestId="switch-back-submit"
      action={({ reason }) => call('switchToRoutine', { reason })}
      onClose={onClose}
    >
      <p className="muted">{t('mode.back.intro')}</p>
    </ConfirmDialog>
  );
}
