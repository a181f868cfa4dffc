import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../app/ErrorMessage';
import { useApiQuery } from '../../app/queries';
import type { LevelDto } from '../../../shared/api/risk-areas';
import { useRiskDraft } from './draftStore';
import { LevelBadge } from './LevelBadge';
import { levelLabel } from './names';

/** 解除日历: upcoming downgrade and lifting dates of the active areas, by date, soonest first. */
export function LiftCalendar({ levels }: { levels: readonly LevelDto[] }) {
  const { t, i18n } = useTranslation();
  const calendar = useApiQuery('getRiskAreaCalendar', {});
  const select = useRiskDraft((s) => s.select);
  if (calendar.error) return <ErrorMessage error={calendar.error} />;
  const entries = calendar.data ?? [];
  const dates = [...new Set(entries.map((e) => e.date))];
  return (
    <section className="panel stack" data-testid="lift-calendar">
      <h3>{t('risk.calendar.title')}</h3>
      {entries.length === 0 && <div className="muted small">{calendar.isPending ? t('app.loading') : t('risk.calendar.empty')}</div>}
      {dates.map((date) => (
        <div key={date} className="risk-cal-day" data-testid="calendar-day" data-date={date}>
          <div className="risk-cal-date">{date}</div>
          <ul>
            {entries
              .filter((e) => e.date === date)
              .map((e) => (
                <li key={`${e.areaId}-${e.action}`} className={e.due ? 'risk-due' : undefined}>
                  <LevelBadge level={e.level} label={levelLabel(e.level, levels, i18n.language, e.level)} />{' '}
                  <button type="button" className="link" onClick={() => select(e.areaId)}>{e.name}</button>{' '}
                  {e.action === 'downgrade' ? t('risk.calendar.downgrade', { to: levelLabel(e.to, levels, i18n.language, e.to) }) : t('risk.calendar.lift')}
                  {e.needsRound && <span className="muted small"> · {t('risk.calendar.needsRound')}</span>}
                  {e.due && <span className="small"> · {t('risk.life.dueNow')}</span>}
                </li>
              ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
