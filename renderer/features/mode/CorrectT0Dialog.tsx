import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { formatDateTime, fromDateTimeLocal, toDateTimeLocal } from '../../../shared/domain/shanghai-time';

/** Corrects T0 with a stated reason; the correction is kept and the clocks follow. A T0 over 72 h ago is confirmed again. */
export function CorrectT0Dialog({ t0, onClose }: { t0: number; onClose: () => void }) {
  const { t } = useTranslation();
  const [at, setAt] = useState(toDateTimeLocal(t0));
  return (
    <ConfirmDialog
      title={t('mode.t0.title')}
      testId="correct-t0-dialog"
      reason={{ label: t('mode.t0.reason'), id: 't0-reason', rows: 2 }}
      confirmLabel={t('mode.t0.submit')}
      confirmTestId="correct-t0-submit"
      check={() => (Number.isNaN(fromDateTimeLocal(at)) ? t('mode.trigger.timeMissing') : null)}
      confirmAgain={{ heading: t('mode.switch.oldWarning'), label: t('mode.switch.confirmOld'), resetOn: at }}
      action={({ reason, confirmed }) => call('correctT0', { reportedAt: fromDateTimeLocal(at), reason, confirmOldT0: confirmed })}
      onClose={onClose}
    >
      <div className="muted">{t('mode.t0.current', { time: formatDateTime(t0) })}</div>
      <div className="field">
        <label htmlFor="t0-new">{t('mode.t0.newTime')}</label>
        <input id="t0-new" type="datetime-local" min="2000-01-01T00:00" value={at} onChange={(e) => setAt(e.target.value)} />
      </div>
    </ConfirmDialog>
  );
}
