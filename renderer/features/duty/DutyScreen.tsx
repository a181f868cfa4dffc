import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ErrorMessage } from '../../app/ErrorMessage';
import { nowMs, useNow } from '../../app/clock';
import type { DutyShiftDto } from '../../../shared/api/duty';
import { shiftAt } from '../../../shared/domain/duty';
import { OperatorsPanel } from '../desk/OperatorsPanel';
import { useCanWrite } from '../desk/useCanWrite';
import { DeskNotice } from '../desk/DeskNotice';
import { addDays, mondayOf, monthOf, today } from './dates';
import { useDutyRoster } from './queries';
import { DutyWeekGrid } from './DutyWeekGrid';
import { ShiftEditor } from './ShiftEditor';
import { DutyConfigEditor } from './DutyConfigEditor';
import './duty.css';

/**
 * 值班表: a week of shifts with the leader on each (领导带班), the shift on duty now marked; copy last week into this
 * one; print the week or a month (the current month unless another is picked); the desk's operators.
 */
export function DutyScreen() {
  const { t } = useTranslation();
  const now = useNow(60_000); // marks today and the shift on duty; a minute late at a change of shift is fine
  const [monday, setMonday] = useState(() => mondayOf(today(now)));
  const [month, setMonth] = useState(() => monthOf(today(now)));
  const [editing, setEditing] = useState<DutyShiftDto | null>(null);
  const [configuring, setConfiguring] = useState(false);
  const roster = useDutyRoster('week', monday);
  // Rostering is a change: with nobody signed in (or the desk locked) the grid is read-only and says why.
  const { canWrite, hint } = useCanWrite();
  const r = roster.data;
  const copy = useMutation({ mutationFn: () => call('copyDutyWeek', { week: monday }) });
  const running = r ? shiftAt(now, r.config.shifts) : null;
  const onDuty = running ? { date: running.date, shiftKey: running.def.key } : null;
  const goTo = (m: string) => {
    copy.reset();
    setMonday(m);
  };
  return (
    <div className="duty-screen stack">
      <div className="row">
        <h1>{t('duty.title')}</h1>
        <button onClick={() => goTo(addDays(monday, -7))} aria-label={t('duty.prevWeek')}>‹ {t('duty.prevWeek')}</button>
        <input type="date" value={monday} aria-label={t('duty.week')} onChange={(e) => e.target.value && goTo(mondayOf(e.target.value))} />
        <button onClick={() => goTo(addDays(monday, 7))}>{t('duty.nextWeek')} ›</button>
        <button onClick={() => goTo(mondayOf(today(nowMs())))}>{t('duty.thisWeek')}</button>
        <button onClick={() => copy.mutate()} disabled={copy.isPending || !canWrite} data-testid="copy-duty-week" title={hint || t('duty.copy.hint')}>
          {t('duty.copy.button')}
        </button>
        <span className="spacer" />
        <button onClick={() => setConfiguring(true)} data-testid="open-duty-config" disabled={!canWrite} title={hint || undefined}>{t('duty.config.open')}</button>
        <a className="button" href={`#/print/duty?week=${monday}`} data-testid="print-duty-week">{t('duty.printWeek')}</a>
        <span className="duty-month">
          <input type="month" value={month} aria-label={t('duty.month')} data-testid="duty-month" onChange={(e) => e.target.value && setMonth(e.target.value)} />
          <a className="button" href={`#/print/duty?month=${month}`} data-testid="print-duty-month">{t('duty.printMonth')}</a>
        </span>
      </div>
      <ErrorMessage error={roster.error ?? copy.error} />
      <DeskNotice />
      {copy.data && (
        <div className="ok-box" data-testid="copy-duty-result">
          {t('duty.copy.done', { from: copy.data.from, to: copy.data.to, count: copy.data.copied })}
          {copy.data.kept > 0 && ` ${t('duty.copy.kept', { count: copy.data.kept })}`}
        </div>
      )}
      {r && (
        <section className="panel stack">
          <div className="row">
            <span>{t('duty.period', { from: r.from, to: r.to })}</span>
            {r.gaps > 0 ? <span className="badge warn">{t('duty.gaps', { count: r.gaps })}</span> : <span className="badge ok">{t('duty.noGaps')}</span>}
            <span className="muted small">{t('duty.hint')}</span>
          </div>
          <fieldset className="desk-fieldset" disabled={!canWrite} title={hint || undefined}>
            <DutyWeekGrid roster={r} today={today(now)} onDuty={onDuty} onEdit={setEditing} />
          </fieldset>
        </section>
      )}
      <OperatorsPanel />
      {configuring && canWrite && <DutyConfigEditor onClose={() => setConfiguring(false)} />}
      {editing && r && canWrite && <ShiftEditor shift={editing} minMembers={r.config.minMembers} onClose={() => setEditing(null)} />}
    </div>
  );
}
