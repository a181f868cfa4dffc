import { useTranslation } from 'react-i18next';
import type { DutyRosterDto, DutyShiftDto } from '../../../shared/api/duty';

/** The week as a grid: days across, shifts down; each cell the leader (带班) and the duty officers. */
export function DutyWeekGrid({ roster, today, onEdit }: { roster: DutyRosterDto; today: string; onEdit: (s: DutyShiftDto) => void }) {
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
                return (
                  <td key={d.date} className={`duty-cell${gap ? ' gap' : ''}`}>
                    <button className="duty-cell-button" onClick={() => onEdit(s)} data-testid={`shift-${d.date}-${def.key}`}>
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
