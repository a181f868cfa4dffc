import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../app/ErrorMessage';
import { PrintLayout } from '../../print/PrintLayout';
import { formatDateTime, formatDuration, formatTime } from '../../../shared/domain/shanghai-time';
import { caseTypeNames, workGroupNames, type WorkGroupKey } from '../../../shared/domain/workgroups';
import type { DeadlineDto } from '../../../shared/api/mode';
import type { PersonDto } from '../../../shared/api/command';
import { CommandTables } from '../command/CommandTables';
import { entryLinkText } from '../log/EntryLink';
import { personText } from '../command/person';
import { useApiQuery } from '../../app/queries';
import { useCommandStructure } from '../command/queries';
import { useDesk } from '../desk/queries';
import { useEmergency } from './queries';
import { nowMs } from '../../app/clock';
import { byUrgency } from './urgency';
import { deadlineName, isEnglish, pickName } from './names';
import { briefingLog, INCIDENT_LOG_CATEGORIES } from './briefingLog';
import './briefing.css';

/** The whole log of one incident fits: a long outbreak writes a few hundred entries a day. */
const LOG_LIMIT = 2000;
/** In routine times the briefing shows the latest entries only. */
const ROUTINE_LOG_LINES = 15;

/**
 * 简报, about the incident (issue 10.4): 一 posture (mode, T0 with its corrections, elapsed, profile), 二 deadlines
 * (done late and overdue in the danger colour, never green), 三 reports, 四 command structure with phones,
 * 五 open checklist items by group, 六 the incident log (template and settings edits left out, superseded entries
 * only as 已更正 under their correction), 七 next steps (open deadlines by due time).
 */
export function BriefingPrint() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const en = isEnglish(lang);
  const emergency = useEmergency();
  const inForce = useCommandStructure();
  const desk = useDesk();
  const dutyNow = useApiQuery('getDutyNow', {});
  const emergencyId = emergency.data ? (emergency.data.emergency?.id ?? null) : undefined;
  const log = useApiQuery(
    'listLogEntries',
    emergencyId ? { emergencyId, categories: INCIDENT_LOG_CATEGORIES, limit: LOG_LIMIT } : { categories: INCIDENT_LOG_CATEGORIES, limit: ROUTINE_LOG_LINES },
    { enabled: emergencyId !== undefined },
  );
  const parts = [emergency, inForce, desk, dutyNow, log];
  const error = parts.find((p) => p.error)?.error ?? null;
  // The briefing is a snapshot: countdowns are computed once, at the time printed, not ticking.
  const [now] = useState(nowMs);
  const s =
    emergency.data && inForce.data && desk.data && dutyNow.data !== undefined && log.data
      ? { ...emergency.data, command: inForce.data.command, commandSource: inForce.data.source, desk: desk.data, dutyNow: dutyNow.data }
      : undefined;
  const e = s?.emergency ?? null;
  const d = (ms: number) => formatDuration(ms, t('mode.daySuffix'));
  const groupName = (key: WorkGroupKey) => pickName(workGroupNames[key], lang);
  const leadOf = (key: WorkGroupKey): PersonDto | null => s?.command.groups.find((g) => g.key === key)?.lead ?? null;
  const owner = (x: DeadlineDto) => {
    const lead = leadOf(x.ownerGroup);
    return (
      <>
        {en ? workGroupNames[x.ownerGroup].en : x.ownerGroupName}
        <div className={lead ? 'small' : 'small status-late'}>{lead ? personText(lead) : t('board.incident.noLead')}</div>
      </>
    );
  };
  const rows = log.data ? briefingLog(log.data.rows) : [];
  const openItems = e ? e.checklist.filter((i) => !i.done) : [];
  const openByGroup = [...new Set(openItems.map((i) => i.groupKey))].map((g) => ({ group: g, items: openItems.filter((i) => i.groupKey === g) }));
  const next = e ? [...e.deadlines].filter((x) => x.doneAt === null).sort((a, b) => a.dueAt - b.dueAt) : [];
  const firstT0 = e?.t0Corrections.length ? e.t0Corrections[0].from : null;
  const reportOf = (id: number) => e?.reports.find((r) => r.id === id);

  return (
    <PrintLayout
      subtitle={s ? (e ? t('print.briefing.subEmergency', { t0: formatDateTime(e.t0) }) : t('print.briefing.subRoutine')) : undefined}
      ready={!!s}
      backTo="/mode"
    >
      <ErrorMessage error={error} />
      {s && (
        <>
          <h2>{t('print.briefing.situation')}</h2>
          <dl className="print-facts">
            <dt>{t('print.briefing.mode')}</dt>
            <dd data-testid="print-mode">{e ? t('app.mode.emergency') : t('app.mode.routine')}</dd>
            <dt>{t('print.briefing.profile')}</dt>
            <dd>{en ? (e?.profile ?? s.activeProfile).nameEn : (e?.profile ?? s.activeProfile).name}</dd>
            {e && (
              <>
                <dt>T0</dt>
                <dd data-testid="print-t0">
                  {formatDateTime(e.t0)}
                  {firstT0 !== null && (
                    <div className="small" data-testid="print-t0-corrected">
                      {e.t0Corrections.map((c) => (
                        <div key={c.id}>
                          <del>{formatDateTime(c.from)}</del> {t('print.briefing.t0Corrected', { reason: c.reason, who: c.by?.name ?? '—', at: formatDateTime(c.at) })}
                        </div>
                      ))}
                    </div>
                  )}
                </dd>
                <dt>{t('print.briefing.elapsed')}</dt>
                <dd>{d(now - e.t0)}</dd>
                <dt>{t('print.briefing.switched')}</dt>
                <dd>{formatDateTime(e.switchedAt)} · {e.switchedBy?.name ?? '—'}</dd>
                <dt>{t('print.briefing.reports')}</dt>
                <dd>{e.reports.length}</dd>
              </>
            )}
            <dt>{t('print.briefing.desk')}</dt>
            <dd>{s.desk.operator?.name ?? '—'}</dd>
            <dt>{t('print.briefing.duty')}</dt>
            <dd>{s.dutyNow ? t('print.briefing.dutyNow', { leader: personText(s.dutyNow.leader), members: s.dutyNow.members.map((m) => m.name).join(t('print.sep')) }) : '—'}</dd>
          </dl>

          <h2>{t('print.briefing.deadlines')}</h2>
          {!e ? (
            <p className="print-empty">{t('print.briefing.noDeadlines')}</p>
          ) : (
            <table data-testid="print-deadlines">
              <thead>
                <tr>
                  <th>{t('mode.deadline.name')}</th>
                  <th style={{ width: '22%' }}>{t('print.briefing.ownerLead')}</th>
                  <th style={{ width: '17%' }}>{t('mode.deadline.due')}</th>
                  <th style={{ width: '27%' }}>{t('mode.deadline.status')}</th>
                </tr>
              </thead>
              <tbody>
                {byUrgency(e.deadlines).map((x) => {
                  const overdue = x.doneAt === null && x.dueAt < now;
                  // Done late and overdue are failures of the deadline: danger colour. Only done in time is green.
                  const tone = x.doneAt !== null ? (x.doneLate ? 'status-late' : 'status-done') : overdue ? 'status-overdue' : '';
                  return (
                    <tr key={x.id} data-testid="print-deadline" data-key={x.key}>
                      <td>
                        {deadlineName(x, lang)}
                        {x.reportId !== null && reportOf(x.reportId) && (
                          <div className="small">{t('mode.deadline.forReport', { place: reportOf(x.reportId)!.place, time: formatTime(x.startsAt) })}</div>
                        )}
                        {x.reopens.map((r, i) => (
                          <div key={i} className="small" data-testid="print-deadline-reopened">{t('print.briefing.reopened', { at: formatDateTime(r.at), who: r.by?.name ?? '—', reason: r.reason })}</div>
                        ))}
                      </td>
                      <td>{owner(x)}</td>
                      <td>{formatDateTime(x.dueAt)}</td>
                      <td className={tone} data-testid="print-deadline-status">
                        {x.doneAt !== null
                          ? t(x.doneLate ? 'print.briefing.doneLate' : 'mode.deadline.doneAtBy', {
                              time: formatDateTime(x.doneAt),
                              who: x.doneBy?.name ?? '—',
                              late: d(x.doneAt - x.dueAt),
                            })
                          : overdue
                            ? t('mode.deadline.overdueBy', { time: d(now - x.dueAt) })
                            : t('mode.deadline.left', { time: d(x.dueAt - now) })}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}

          <h2>{t('print.briefing.reportsTitle')}</h2>
          {!e ? (
            <p className="print-empty">{t('print.briefing.noReports')}</p>
          ) : (
            <table data-testid="print-reports">
              <thead>
                <tr>
                  <th style={{ width: '19%' }}>{t('mode.trigger.reportedAt')}</th>
                  <th style={{ width: '14%' }}>{t('mode.trigger.caseType')}</th>
                  <th>{t('mode.trigger.place')}</th>
                  <th style={{ width: '24%' }}>{t('mode.trigger.reportedBy')}</th>
                </tr>
              </thead>
              <tbody>
                {[...e.reports]
                  .sort((a, b) => (a.isTrigger ? e.t0 : a.reportedAt) - (b.isTrigger ? e.t0 : b.reportedAt))
                  .map((r) => (
                    <tr key={r.id} data-testid="print-report">
                      <td>
                        {formatDateTime(r.isTrigger ? e.t0 : r.reportedAt)}
                        {r.isTrigger && <div className="small">{t('mode.reports.trigger')}{firstT0 !== null && <> · <del>{formatDateTime(firstT0)}</del></>}</div>}
                      </td>
                      <td>{pickName(caseTypeNames[r.caseType], lang)}</td>
                      <td>
                        {r.place}
                        {r.compoundName && <div className="small">{t('print.briefing.compound', { community: r.communityName ?? '', compound: r.compoundName })}</div>}
                      </td>
                      <td>{r.reportedBy}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          )}

          <h2>{t('print.briefing.command')}{s.commandSource === 'template' ? t('print.briefing.commandTemplate') : ''}</h2>
          <CommandTables command={s.command} withMembers={false} />

          <h2>{t('print.briefing.checklist', { open: openItems.length, total: e?.checklist.length ?? 0 })}</h2>
          {!e ? (
            <p className="print-empty">{t('print.briefing.noDeadlines')}</p>
          ) : openItems.length === 0 ? (
            <p className="print-empty">{t('print.briefing.checklistDone')}</p>
          ) : (
            <table data-testid="print-checklist">
              <tbody>
                {openByGroup.map((g) => (
                  <tr key={g.group}>
                    <th style={{ width: '18%' }}>{groupName(g.group)}</th>
                    <td>
                      <ul className="print-list">
                        {g.items.map((i) => <li key={i.id}>{i.text}</li>)}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}

          <h2>{t(e ? 'print.briefing.incidentLog' : 'print.briefing.routineLog', { count: rows.length })}</h2>
          {rows.length === 0 ? (
            <p className="print-empty">{t('log.empty')}</p>
          ) : (
            <table className="print-log" data-testid="print-log">
              <thead>
                <tr>
                  <th style={{ width: '19%' }}>{t('log.time')}</th>
                  <th style={{ width: '12%' }}>{t('log.operator')}</th>
                  <th style={{ width: '12%' }}>{t('log.category')}</th>
                  <th>{t('log.text')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map(({ entry: l, superseded }) => {
                  const link = entryLinkText(l, t);
                  return (
                    <tr key={l.id} data-testid="print-log-row">
                      <td>
                        {formatDateTime(l.at)}
                        {l.recordedAt - l.at >= 60_000 && (
                          <div className="small" data-testid="print-log-recorded">{t('log.recordedAt', { at: formatDateTime(l.recordedAt) })}</div>
                        )}
                      </td>
                      <td>{l.operator?.name ?? '—'}</td>
                      <td>{t(`log.categories.${l.category}`)}</td>
                      <td>
                        {l.text}
                        {/* The switch's entry names T0 as first reported: say it was corrected since, so it is not read as current. */}
                        {e && l.method === 'switchToEmergency' && l.emergencyId === e.id && firstT0 !== null && (
                          <div className="small" data-testid="print-log-t0-note">{t('print.briefing.t0Since', { t0: formatDateTime(e.t0) })}</div>
                        )}
                        {link && <div className="small" data-testid="print-log-link">{link}</div>}
                        {superseded.map((old, i) => (
                          <div key={old.id} className="small print-superseded" data-testid="print-log-superseded">
                            <span className="print-superseded-mark">{t('print.briefing.superseded')}</span> <del>{old.text}</del>
                            {(i === 0 ? l.correctionReason : superseded[i - 1].correctionReason) && (
                              <> {t('print.briefing.supersededReason', { reason: i === 0 ? l.correctionReason : superseded[i - 1].correctionReason })}</>
                            )}
                          </div>
                        ))}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}

          <h2>{t('print.briefing.next')}</h2>
          {!e ? (
            <p className="print-empty">{t('print.briefing.noDeadlines')}</p>
          ) : next.length === 0 ? (
            <p className="print-empty">{t('mode.strip.allDone')}</p>
          ) : (
            <ol className="print-next" data-testid="print-next">
              {next.map((x) => {
                const lead = leadOf(x.ownerGroup);
                const overdue = x.dueAt < now;
                return (
                  <li key={x.id} data-testid="print-next-item">
                    <strong>{deadlineName(x, lang)}</strong> — {en ? workGroupNames[x.ownerGroup].en : x.ownerGroupName}
                    {lead ? ` ${personText(lead)}` : ` ${t('board.incident.noLead')}`} ·{' '}
                    <span className={overdue ? 'status-overdue' : ''}>
                      {t('print.briefing.nextDue', { time: formatDateTime(x.dueAt) })}（{overdue ? t('mode.deadline.overdueBy', { time: d(now - x.dueAt) }) : t('mode.deadline.left', { time: d(x.dueAt - now) })}）
                    </span>
                  </li>
                );
              })}
            </ol>
          )}
        </>
      )}
    </PrintLayout>
  );
}
