import { useTranslation } from 'react-i18next';
import { formatDuration } from '../../../shared/domain/shanghai-time';
import { urgencyOf, type DeadlineTiming } from './urgency';

/** "剩余 01:59:30" / "已超时 00:12:03" / "已完成", recomputed from dueAt and the ticking `now`. */
export function Countdown({ deadline, now }: { deadline: DeadlineTiming; now: number }) {
  const { t } = useTranslation();
  const u = urgencyOf(deadline, now);
  const left = deadline.dueAt - now;
  const text =
    u === 'done'
      ? t('mode.deadline.done')
      : u === 'overdue'
        ? t('mode.deadline.overdueBy', { time: formatDuration(left, t('mode.daySuffix')) })
        : t('mode.deadline.left', { time: formatDuration(left, t('mode.daySuffix')) });
  return (
    <span className={`countdown urgency-${u}`} data-testid="countdown">
      {text}
    </span>
  );
}
