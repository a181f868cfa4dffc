import { useTranslation } from 'react-i18next';
import type { DeadlineDto, EmergencyDto } from '../../../shared/api/mode';
import { caseTypeNames, workGroupNames } from '../../../shared/domain/workgroups';
import { ErrorMessage } from '../../app/ErrorMessage';
import { useNow } from '../../app/clock';
import { formatDateTime, formatDuration, formatTime } from '../../../shared/domain/shanghai-time';
import { useCommandStructure } from '../command/queries';
import { personText } from '../command/person';
import { Countdown } from '../mode/Countdown';
import { byUrgency } from '../mode/urgency';
import { deadlineName, isEnglish, pickName } from '../mode/names';

type Emergency = NonNullable<EmergencyDto['emergency']>;

/**
 * In an emergency, where the readiness panel is in routine times: T0 and elapsed, every deadline with its owner
 * group and that group's leader (from the structure in force; a gap when there is none), and the reports.
 */
export function IncidentPanel({ emergency }: { emergency: Emergency }) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const structure = useCommandStructure();
  const en = isEnglish(i18n.language);
  const e = emergency;
  const leadOf = (d: DeadlineDto) => structure.data?.command.groups.find((g) => g.key === d.ownerGroup)?.lead ?? null;
  const open = byUrgency(e.deadlines).filter((d) => d.doneAt === null);
  const done = e.deadlines.filter((d) => d.doneAt !== null);
  const reports = [...e.reports].sort((a, b) => (a.isTrigger ? e.t0 : a.reportedAt) - (b.isTrigger ? e.t0 : b.reportedAt));

  return (
    <section className="panel stack incident-panel" data-testid="incident-panel">
      <h2 className="row">
        {t('board.incident.title')}
        <span className="spacer" />
        <a className="small" href="#/mode">{t('board.incident.toMode')}</a>
      </h2>
      <div className="incident-t0">
        T0 <strong data-testid="incident-t0">{formatDateTime(e.t0)}</strong> · {t('mode.banner.elapsed', { time: formatDuration(now - e.t0, t('mode.daySuffix')) })}
      </div>
      <ErrorMessage error={structure.error} />

      <h3>{t('board.incident.deadlines', { open: open.length, total: e.deadlines.length })}</h3>
      <table className="data dense incident-deadlines" data-testid="incident-deadlines">
        <tbody>
          {open.map((d) => {
            const lead = leadOf(d);
            return (
              <tr key={d.id} data-testid="incident-deadline">
                <td className="wrap">
                  <strong>{deadlineName(d, i18n.language)}</strong>
                  <div className="small">
                    {en ? workGroupNames[d.ownerGroup].en : d.ownerGroupName} ·{' '}
                    {lead ? <span data-testid="deadline-owner">{personText(lead)}</span> : <span className="gap" data-testid="deadline-owner-gap">{t('board.incident.noLead')}</span>}
                  </div>
                </td>
                <td className="num">
                  <Countdown deadline={d} now={now} />
                  <div className="muted small">{formatTime(d.dueAt)}</div>
                </td>
              </tr>
            );
          })}
          {open.length === 0 && (
            <tr><td colSpan={2} className="muted">{t('mode.strip.allDone')}</td></tr>
          )}
        </tbody>
      </table>
      {done.length > 0 && (
        <div className="small muted" data-testid="incident-deadlines-done">
          {t('board.incident.doneCount', { count: done.length, late: done.filter((d) => d.doneLate).length })}
        </div>
      )}

      <h3>{t('mode.reports.title', { count: e.reports.length })}</h3>
      <ul className="plain incident-reports" data-testid="incident-reports">
        {reports.map((r) => (
          <li key={r.id} data-testid="incident-report">
            <span className="num">{formatTime(r.isTrigger ? e.t0 : r.reportedAt)}</span>{' '}
            {r.isTrigger && <span className="badge trigger">{t('mode.reports.trigger')}</span>} {pickName(caseTypeNames[r.caseType], i18n.language)} · {r.place}
            {r.compoundName && <span className="badge place">{r.compoundName}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
