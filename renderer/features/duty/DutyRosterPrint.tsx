import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../app/ErrorMessage';
import { nowMs } from '../../app/clock';
import { PrintLayout } from '../../print/PrintLayout';
import { personText } from '../command/person';
import { isValidDate, mondayOf, today } from './dates';
import { useDutyRoster } from './queries';

/** 值班表 on A4: `?week=YYYY-MM-DD` (the week holding that day) or `?month=YYYY-MM`. One row per shift. */
export function DutyRosterPrint({ params }: { params: URLSearchParams }) {
  const { t } = useTranslation();
  const month = params.get('month');
  const monthDate = month && isValidDate(`${month}-01`) ? `${month}-01` : null;
  const week = params.get('week');
  const period = monthDate ? 'month' : 'week';
  const date = monthDate ?? mondayOf(isValidDate(week) ? week : today(nowMs()));
  const roster = useDutyRoster(period, date);
  const r = roster.data;
  const title = t(period === 'month' ? 'print.duty.monthTitle' : 'print.duty.weekTitle');
  return (
    <PrintLayout
      title={title}
      subtitle={r ? t('print.duty.period', { from: r.from, to: r.to }) : undefined}
      ready={!!r}
      backTo="/duty"
    >
      <ErrorMessage error={roster.error} />
      {r && (
        <table className="print-duty" data-testid="print-duty">
          <thead>
            <tr>
              <th style={{ width: '17%' }}>{t('print.duty.date')}</th>
              <th style={{ width: '19%' }}>{t('print.duty.shift')}</th>
              <th style={{ width: '25%' }}>{t('duty.leader')}</th>
              <th>{t('print.duty.officers')}</th>
            </tr>
          </thead>
          {/* One tbody per day: a day's shifts stay on one page (a page break falls between days). */}
          {r.days.map((d, di) => (
            <tbody key={d.date} className="keep-together">
              {d.shifts.map((s, i) => (
                <tr key={`${d.date}-${s.shiftKey}`} className={i === 0 ? 'day-first' : ''}>
                  {i === 0 && (
                    <td rowSpan={d.shifts.length} className="nowrap">
                      {d.date} {t(`duty.weekday.${d.weekday}`)}
                    </td>
                  )}
                  <td className="nowrap">{s.shiftName} <span className="small">{s.start}–{s.end}</span></td>
                  <td>{s.leader ? personText(s.leader) : <span className="status-overdue">{t('duty.noLeader')}</span>}</td>
                  <td>
                    {s.members.length === 0 ? '—' : s.members.map(personText).join(t('print.sep'))}
                    {s.swaps.length > 0 && (
                      <div className="small">{s.swaps.map((w) => t('print.duty.swap', { out: w.outName, in: w.inName })).join(t('print.sep'))}</div>
                    )}
                  </td>
                </tr>
              ))}
              {/* The sign-off rides in the last day's group, so it never lands alone on a page of its own. */}
              {di === r.days.length - 1 && (
                <tr className="print-signoff">
                  <td colSpan={4}>
                    <div className="print-signature">
                      <span>{t('print.duty.approvedBy')}</span>
                      <span>{t('print.duty.contact')}</span>
                    </div>
                  </td>
                </tr>
              )}
            </tbody>
          ))}
        </table>
      )}
    </PrintLayout>
  );
}
