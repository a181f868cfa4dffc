import { useTranslation } from 'react-i18next';
import { useNow } from '../../app/clock';
import { useApiQuery } from '../../app/queries';
import { formatDateTime } from '../../../shared/domain/shanghai-time';
import { Countdown } from '../mode/Countdown';
import { deadlineName } from '../mode/names';

/** The T0 + 5 h deadline "risk areas delineated and published", on the screen where it is met: countdown, or done by whom. */
export function PublishDeadline() {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const emergency = useApiQuery('getEmergency', {});
  const d = emergency.data?.emergency?.deadlines.find((x) => x.key === 'risk_areas_published');
  if (!d) return null;
  return (
    <div className="row small risk-deadline" data-testid="risk-deadline" data-status={d.doneAt !== null ? 'done' : d.status}>
      <strong>{deadlineName(d, i18n.language)}</strong>
      <span className="muted">{t('risk.deadline.due', { at: formatDateTime(d.dueAt) })}</span>
      {d.doneAt !== null ? (
        <span className={d.doneLate ? 'done-late' : 'done-ok'}>
          {t(d.doneLate ? 'mode.deadline.doneLateAtBy' : 'mode.deadline.doneAtBy', { time: formatDateTime(d.doneAt), who: d.doneBy?.name ?? t('mode.nobody') })}
        </span>
      ) : (
        <Countdown deadline={d} now={now} />
      )}
    </div>
  );
}
