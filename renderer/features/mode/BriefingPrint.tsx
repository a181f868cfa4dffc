import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../app/ErrorMessage';
import { PrintLayout } from '../../print/PrintLayout';
import { formatDateTime, formatDuration } from '../../../shared/domain/shanghai-time';
import { caseTypeNames, workGroupNames } from '../../../shared/domain/workgroups';
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

const LOG_LINES = 15;

/** 简报: mode, T0, elapsed, deadlines with status, command structure with phones, latest log entries. */
export function BriefingPrint() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const en = isEnglish(lang);
  const emergency = useEmergency();
  const inForce = useCommandStructure();
  const desk = useDesk();
  const dutyNow = useApiQuery('getDutyNow', {});
  const log = useApiQuery('listLogEntries', { limit: LOG_LINES });
  const parts = [emergency, inForce, desk, dutyNow, log];
  const error = parts.find((p) => p.error)?.error ?? null;
  // The briefing is a snapshot: countdowns are computed once, at the time printed, not ticking.
  const [now] = useState(nowMs);
  const s =
    emergency.data && inForce.data && desk.data && dutyNow.data !== undefined && log.data
      ? { ...emergency.data, command: inForce.data.command, commandSource: inForce.data.source, desk: desk.data, dutyNow: dutyNow.data, log: log.data.rows }
      : undefined;
  const e = s?.emergency ?? null;
  const d = (ms: number) => formatDuration(ms, t('mode.daySuffix'));

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
                <dd data-testid="print-t0">{formatDateTime(e.t0)}</dd>
                <dt>{t('print.briefing.elapsed')}</dt>
                <dd>{d(now - e.t0)}</dd>
                <dt>{t('print.briefing.switched')}</dt>
                <dd>{formatDateTime(e.switchedAt)} · {e.switchedBy?.name ?? '—'}</dd>
                <dt>{t('print.briefing.reports')}</dt>
                <dd>{e.reports.length}</dd>
                <dt>{t('print.briefing.trigger')}</dt>
                <dd style={{ gridColumn: 'span 3' }}>
                  {pickName(caseTypeNames[e.trigger.caseType], lang)} · {e.trigger.place} · {t('mode.facts.reportedBy', { who: e.trigger.reportedBy })}
                </dd>
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
                  <th style={{ width: '16%' }}>{t('mode.deadline.owner')}</th>
                  <th style={{ width: '19%' }}>{t('mode.deadline.due')}</th>
                  <th style={{ width: '30%' }}>{t('mode.deadline.status')}</th>
                </tr>
              </thead>
              <tbody>
                {byUrgency(e.deadlines).map((x) => {
                  const overdue = x.doneAt === null && x.dueAt < now;
                  return (
                    <tr key={x.id}>
                      <td>{deadlineName(x, lang)}</td>
                      <td>{en ? workGroupNames[x.ownerGroup].en : x.ownerGroupName}</td>
                      <td>{formatDateTime(x.dueAt)}</td>
                      <td className={x.doneAt !== null ? 'status-done' : overdue ? 'status-overdue' : ''}>
                        {x.doneAt !== null
                          ? t(x.doneLate ? 'mode.deadline.doneLateAtBy' : 'mode.deadline.doneAtBy', { time: formatDateTime(x.doneAt), who: x.doneBy?.name ?? '—' })
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

          <h2>{t('print.briefing.command')}{s.commandSource === 'template' ? t('print.briefing.commandTemplate') : ''}</h2>
          <CommandTables command={s.command} withMembers={false} />

          <h2>{t('print.briefing.log', { count: Math.min(LOG_LINES, s.log.length) })}</h2>
          {s.log.length === 0 ? (
            <p className="print-empty">{t('log.empty')}</p>
          ) : (
            <table className="print-log">
              <thead>
                <tr>
                  <th style={{ width: '19%' }}>{t('log.time')}</th>
                  <th style={{ width: '12%' }}>{t('log.operator')}</th>
                  <th style={{ width: '12%' }}>{t('log.category')}</th>
                  <th>{t('log.text')}</th>
                </tr>
              </thead>
              <tbody>
                {s.log.slice(0, LOG_LINES).map((l) => {
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
                        {l.correctsId !== null ? `${t('log.corrects', { id: l.correctsId })} ` : ''}{l.text}
                        {link && <div className="small" data-testid="print-log-link">{link}</div>}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </>
      )}
    </PrintLayout>
  );
}
