import { useEffect, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ErrorMessage } from '../../app/ErrorMessage';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import type { DeadlineDto, ReportDto } from '../../../shared/api/mode';
import { formatDateTime, formatTime } from '../../../shared/domain/shanghai-time';
import { byUrgency, urgencyOf } from './urgency';
import { useNow } from '../../app/clock';
import { Countdown } from './Countdown';
import { deadlineName, isEnglish } from './names';
import { workGroupNames } from '../../../shared/domain/workgroups';
import { FIRST_DONE_ID, SHORTCUT_LABEL } from './deadlineShortcut';

/**
 * 应急处置时限: every deadline with its owner group, a live countdown, its status; the one about to be missed on top.
 * Overdue rows are red, under 30 minutes amber. "完成" records who and when; "重开" takes a done mark back with a
 * reason. The first 完成 (the most urgent open deadline) is where the skip link and Alt+J land.
 */
export function DeadlineBoard({ deadlines, reports }: { deadlines: DeadlineDto[]; reports: ReportDto[] }) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  // Done stays done: the first click asks, the second records (who and when). The question lapses after 5 s.
  const [confirming, setConfirming] = useState<number | null>(null);
  useEffect(() => {
    if (confirming === null) return;
    const id = window.setTimeout(() => setConfirming(null), 5000);
    return () => window.clearTimeout(id);
  }, [confirming]);
  const done = useMutation({
    mutationFn: (id: number) => call('markDeadlineDone', { id }),
    onSettled: () => {
      setConfirming(null);
    },
  });
  const [reopening, setReopening] = useState<DeadlineDto | null>(null);
  const rows = byUrgency(deadlines);
  const firstOpen = rows.find((d) => d.doneAt === null)?.id ?? null;
  const reportOf = (id: number | null) => (id === null ? undefined : reports.find((r) => r.id === id));

  return (
    <section className="panel stack" data-testid="deadline-board">
      <h2 className="row">
        {t('mode.deadline.title')}
        <span className="spacer" />
        <kbd className="shortcut-hint small" title={t('mode.shortcut.hint')}>{t('mode.shortcut.badge', { keys: SHORTCUT_LABEL })}</kbd>
      </h2>
      <ErrorMessage error={done.error} />
      <table className="data deadline-table">
        <thead>
          <tr>
            <th>{t('mode.deadline.name')} · {t('mode.deadline.owner')}</th>
            <th>{t('mode.deadline.due')}</th>
            <th>{t('mode.deadline.countdown')} · {t('mode.deadline.status')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => {
            const u = urgencyOf(d, now);
            const report = reportOf(d.reportId);
            return (
              <tr key={d.id} className={`deadline-row urgency-${u}`} data-testid="deadline-row" data-key={d.key}>
                <td>
                  <strong>{deadlineName(d, i18n.language)}</strong>
                  <div className="small">{isEnglish(i18n.language) ? workGroupNames[d.ownerGroup].en : d.ownerGroupName}</div>
                  {report && !report.isTrigger && <div className="muted small">{t('mode.deadline.forReport', { place: report.place, time: formatTime(report.reportedAt) })}</div>}
                  {d.targetAt !== null && d.doneAt === null && (
                    <div className="muted small">{t('mode.deadline.target', { time: formatTime(d.targetAt) })}</div>
                  )}
                  {d.reopens.map((r, i) => (
                    <div key={i} className="small reopened" data-testid="deadline-reopened">
                      {t('mode.deadline.reopenedLine', { done: formatDateTime(r.doneAt), at: formatDateTime(r.at), who: r.by?.name ?? t('mode.nobody'), reason: r.reason })}
                    </div>
                  ))}
                </td>
                <td>{formatDateTime(d.dueAt)}</td>
                <td data-testid="deadline-status">
                  {d.doneAt !== null ? (
                    <span className={d.doneLate ? 'done-late' : 'done-ok'}>
                      {t(d.doneLate ? 'mode.deadline.doneLateAtBy' : 'mode.deadline.doneAtBy', { time: formatDateTime(d.doneAt), who: d.doneBy?.name ?? t('mode.nobody') })}
                    </span>
                  ) : (
                    <Countdown deadline={d} now={now} />
                  )}
                </td>
                <td>
                  {d.doneAt === null && confirming !== d.id && (
                    <button data-testid="deadline-done" id={d.id === firstOpen ? FIRST_DONE_ID : undefined} disabled={done.isPending} onClick={() => setConfirming(d.id)}>
                      {t('mode.deadline.markDone')}
                    </button>
                  )}
                  {d.doneAt === null && confirming === d.id && (
                    <button className="danger-solid" data-testid="deadline-done-confirm" id={d.id === firstOpen ? FIRST_DONE_ID : undefined} autoFocus
                      disabled={done.isPending} onClick={() => done.mutate(d.id)}>
                      {t('mode.deadline.confirmDone')}
                    </button>
                  )}
                  {d.doneAt !== null && (
                    <button className="link" data-testid="deadline-reopen" onClick={() => setReopening(d)}>{t('mode.deadline.reopen')}</button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {reopening && (
        <ConfirmDialog
          title={t('mode.deadline.reopenTitle', { name: deadlineName(reopening, i18n.language) })}
          testId="reopen-dialog"
          reason={{ label: t('mode.deadline.reopenReason'), id: 'reopen-reason', testId: 'reopen-reason', rows: 2 }}
          confirmLabel={t('mode.deadline.reopenSubmit')}
          confirmTestId="reopen-submit"
          action={({ reason }) => call('reopenDeadline', { id: reopening.id, reason })}
          onClose={() => setReopening(null)}
        >
          <p>
            {t('mode.deadline.reopenIntro', {
              time: reopening.doneAt !== null ? formatDateTime(reopening.doneAt) : '—',
              who: reopening.doneBy?.name ?? t('mode.nobody'),
            })}
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
