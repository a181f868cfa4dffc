import { useTranslation } from 'react-i18next';
import type { DutyRosterDto, DutyShiftDto } from '../../../shared/api/duty';

/** The week as a grid: days across, shifts down; each cell the leader (带班) and the duty officers; the shift on duty now marked. */
export function DutyWeekGrid({ roster, today, onDuty, onEdit }: {
  roster: DutyRosterDto;
  today: string;
  /** The (date, shift) running now, rostered or not. */
  onDuty: { date: string; shiftKey: string } | null;
  onEdit: (s: DutyShiftDto) => void;
}) {
  const { t } = useTranslation();
  const min = roster.config.minMembers;
  return (
    <div className="scroll-x">
      <table className="duty-grid" data-testid="duty-grid">
        <thead>
          <tr>
            <th />
            {roster.days.map((d) => (
              <th key={d.date} className={d.date === today ? 'today' : ''}>
                {t(`duty.weekday.${d.weekday}`)}<div className="muted small">{d.date.slice(5)}</div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {roster.config.shifts.map((def) => (
            <tr key={def.key}>
              <th>{def.name}<div className="muted small">{def.start}–{def.end}</div></th>
              {roster.days.map((d) => {
                const s = d.shifts.find((x) => x.shiftKey === def.key);
                if (!s) return <td key={d.date} />;
                const gap = !s.leader || s.members.length < min;
                const now = onDuty?.date === d.date && onDuty.shiftKey === def.key;
                return (
                  <td key={d.date} className={`duty-cell${gap ? ' gap' : ''}${now ? ' now' : ''}`} aria-current={now ? 'time' : undefined}>
                    <button className="duty-cell-button" onClick={() => onEdit(s)} data-testid={`shift-${d.date}-${def.key}`}>
                      {now && <div className="duty-now-mark" data-testid="duty-now-mark">{t('duty.now.mark')}</div>}
                      {s.leader ? (
                        <div className="duty-leader">{t('duty.leaderIs', { name: s.leader.name })}</div>
                      ) : (
                        <div className="duty-missing">{t('duty.noLeader')}</div>
                      )}
                      {s.members.map((m) => <div key={m.name}>{m.name}</div>)}
                      {s.members.length < min && <div className="duty-missing">{t('duty.short', { count: min - s.members.length })}</div>}
                      {s.swaps.length > 0 && <div className="muted small">{t('duty.swapped', { count: s.swaps.length })}</div>}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
