import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../app/ErrorMessage';
import { nowMs, useNow } from '../../app/clock';
import type { DutyShiftDto } from '../../../shared/api/duty';
import { OperatorsPanel } from '../desk/OperatorsPanel';
import { useCanWrite } from '../desk/useCanWrite';
import { DeskNotice } from '../desk/DeskNotice';
import { addDays, mondayOf, monthOf, today } from './dates';
import { useDutyRoster } from './queries';
import { DutyWeekGrid } from './DutyWeekGrid';
import { ShiftEditor } from './ShiftEditor';
import { DutyConfigEditor } from './DutyConfigEditor';
import './duty.css';

/** 值班表: a week of shifts with the leader on each (领导带班); print the week or the month; the desk's operators. */
export function DutyScreen() {
  const { t } = useTranslation();
  const now = useNow(60_000); // marks today in the grid; a minute late at midnight is fine
  const [monday, setMonday] = useState(() => mondayOf(today(now)));
  const [editing, setEditing] = useState<DutyShiftDto | null>(null);
  const [configuring, setConfiguring] = useState(false);
  const roster = useDutyRoster('week', monday);
  // Rostering is a change: with nobody signed in (or the desk locked) the grid is read-only and says why.
  const { canWrite, hint } = useCanWrite();
  const r = roster.data;
  return (
    <div className="duty-screen stack">
      <div className="row">
        <h1>{t('duty.title')}</h1>
        <button onClick={() => setMonday(addDays(monday, -7))} aria-label={t('duty.prevWeek')}>‹ {t('duty.prevWeek')}</button>
        <input type="date" value={monday} aria-label={t('duty.week')} onChange={(e) => e.target.value && setMonday(mondayOf(e.target.value))} />
        <button onClick={() => setMonday(addDays(monday, 7))}>{t('duty.nextWeek')} ›</button>
        <button onClick={() => setMonday(mondayOf(today(nowMs())))}>{t('duty.thisWeek')}</button>
        <span className="spacer" />
        <button onClick={() => setConfiguring(true)} data-testid="open-duty-config" disabled={!canWrite} title={hint || undefined}>{t('duty.config.open')}</button>
        <a className="button" href={`#/print/duty?week=${monday}`} data-testid="print-duty-week">{t('duty.printWeek')}</a>
        <a className="button" href={`#/print/duty?month=${monthOf(monday)}`} data-testid="print-duty-month">{t('duty.printMonth')}</a>
      </div>
      <ErrorMessage error={roster.error} />
      <DeskNotice />
      {r && (
        <section className="panel stack">
          <div className="row">
            <span>{t('duty.period', { from: r.from, to: r.to })}</span>
            {r.gaps > 0 ? <span className="badge warn">{t('duty.gaps', { count: r.gaps })}</span> : <span className="badge ok">{t('duty.noGaps')}</span>}
            <span className="muted small">{t('duty.hint')}</span>
          </div>
          <fieldset className="desk-fieldset" disabled={!canWrite} title={hint || undefined}>
            <DutyWeekGrid roster={r} today={today(now)} onEdit={setEditing} />
          </fieldset>
        </section>
      )}
      <OperatorsPanel />
      {configuring && canWrite && <DutyConfigEditor onClose={() => setConfiguring(false)} />}
      {editing && r && canWrite && <ShiftEditor shift={editing} minMembers={r.config.minMembers} onClose={() => setEditing(null)} />}
    </div>
  );
}
