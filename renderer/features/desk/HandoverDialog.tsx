import { useEffect, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ErrorMessage } from '../../app/ErrorMessage';
import { Dialog } from '../../app/Dialog';
import { useApiQuery } from '../../app/queries';
import { useOperators } from './queries';
import { handoverText } from './handoverText';
import { textLimits } from '../../../shared/api/text';

/**
 * 交接班 in one step: the next operator (接班人) takes the desk (their PIN if set). The note is pre-filled with the
 * situation since the last handover (open and overdue deadlines, unticked checklist items, reports, log entries),
 * which the outgoing officer edits; it goes into the log. Afterwards the 交接班记录 can be printed for both to sign.
 */
export function HandoverDialog({ fromId, fromName, onClose }: { fromId: number; fromName: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const operators = useOperators();
  // Read once when the dialog opens: the officer's edits must not be replaced by a refetch.
  const summary = useApiQuery('getHandoverSummary', {}, { staleTime: Infinity, gcTime: 0 });
  const [toId, setToId] = useState<number | null>(null);
  const [pin, setPin] = useState('');
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    if (summary.data && note === null) setNote(handoverText(summary.data, t, i18n.language));
  }, [summary.data, note, t, i18n.language]);
  // Who handed to whom, kept as it was: once the desk has changed hands, fromName is the incoming officer.
  const [handed, setHanded] = useState<{ from: string; to: string } | null>(null);
  const hand = useMutation({
    mutationFn: async () => {
      const names = { from: fromName, to: chosen?.name ?? '' };
      await call('handOver', { toOperatorId: toId!, pin: pin || undefined, note: note ?? '' });
      return names;
    },
    onSuccess: setHanded,
  });
  const next = (operators.data ?? []).filter((o) => o.active && o.id !== fromId);
  const chosen = next.find((o) => o.id === toId);
  const submit = () => toId !== null && !hand.isPending && hand.mutate();

  if (handed) {
    return (
      <Dialog
        title={t('desk.handover.title')}
        onClose={onClose}
        testId="handover-dialog"
        footer={
          <>
            <span className="spacer" />
            <a className="button" href="#/print/handover" data-testid="handover-print">{t('desk.handover.print')}</a>
            <button className="primary" onClick={onClose} data-testid="handover-close">{t('common.close')}</button>
          </>
        }
      >
        <div className="ok-box" data-testid="handover-done">{t('desk.handover.done', handed)}</div>
        <div className="muted small">{t('desk.handover.printHint')}</div>
      </Dialog>
    );
  }
  return (
    <Dialog
      title={t('desk.handover.title')}
      onClose={onClose}
      testId="handover-dialog"
      width={720}
      footer={
        <>
          <span className="spacer" />
          <button type="button" onClick={onClose}>{t('common.cancel')}</button>
          <button type="submit" form="handover-form" className="primary" data-testid="handover-submit" disabled={toId === null || hand.isPending}>
            {t('desk.handover.submit')}
          </button>
        </>
      }
    >
      <form id="handover-form" className="stack" onSubmit={(e) => (e.preventDefault(), submit())}>
        <div className="muted">{t('desk.handover.from', { name: fromName })}</div>
        <div className="row">
          <div className="field">
            <label htmlFor="handover-who">{t('desk.handover.to')}</label>
            <select id="handover-who" data-testid="handover-who" value={toId ?? ''}
              onChange={(e) => (setToId(e.target.value ? Number(e.target.value) : null), setPin(''))}>
              <option value="">{t('desk.choose')}</option>
              {next.map((o) => (
                <option key={o.id} value={o.id}>{o.name}{o.isAdmin ? ` (${t('desk.admin')})` : ''}</option>
              ))}
            </select>
          </div>
          {chosen?.hasPin && (
            <div className="field">
              <label htmlFor="handover-pin">{t('desk.handover.toPin', { name: chosen.name })}</label>
              <input id="handover-pin" data-testid="handover-pin" type="password" inputMode="numeric" autoComplete="off" value={pin}
                onChange={(e) => setPin(e.target.value)} />
            </div>
          )}
        </div>
        <div className="field">
          <label htmlFor="handover-note">{t('desk.handover.note')}</label>
          <textarea id="handover-note" data-testid="handover-note" rows={16} maxLength={textLimits.note} value={note ?? ''} placeholder={t('desk.handover.noteHint')}
            disabled={note === null && summary.isPending} onChange={(e) => setNote(e.target.value)} />
          <span className="muted small">{t('desk.handover.summaryHint')}</span>
        </div>
      </form>
      <ErrorMessage error={operators.error ?? summary.error ?? hand.error} />
    </Dialog>
  );
}
