import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ErrorMessage } from '../../app/ErrorMessage';
import { Dialog } from '../../app/Dialog';
import { useOperators } from './queries';
import { OperatorPicker } from './OperatorPicker';
import { textLimits } from '../../../shared/api/text';

/** 交接班 in one step: the next operator takes the desk (their PIN if set); the note goes into the log. */
export function HandoverDialog({ fromId, fromName, onClose }: { fromId: number; fromName: string; onClose: () => void }) {
  const { t } = useTranslation();
  const operators = useOperators();
  const [v, setV] = useState<{ operatorId: number | null; pin: string }>({ operatorId: null, pin: '' });
  const [note, setNote] = useState('');
  const hand = useMutation({
    mutationFn: () => call('handOver', { toOperatorId: v.operatorId!, pin: v.pin || undefined, note }),
    onSuccess: () => {
      onClose();
    },
  });
  const next = (operators.data ?? []).filter((o) => o.active && o.id !== fromId);
  return (
    <Dialog
      title={t('desk.handover.title')}
      onClose={onClose}
      testId="handover-dialog"
      footer={
        <>
          <span className="spacer" />
          <button onClick={onClose}>{t('common.cancel')}</button>
          <button className="primary" data-testid="handover-submit" disabled={v.operatorId === null || hand.isPending} onClick={() => hand.mutate()}>
            {t('desk.handover.submit')}
          </button>
        </>
      }
    >
      <div className="muted">{t('desk.handover.from', { name: fromName })}</div>
      <OperatorPicker operators={next} operatorId={v.operatorId} pin={v.pin} onChange={setV} idPrefix="handover" />
      <div className="field">
        <label htmlFor="handover-note">{t('desk.handover.note')}</label>
        <textarea id="handover-note" data-testid="handover-note" rows={4} maxLength={textLimits.note} value={note} placeholder={t('desk.handover.noteHint')}
          onChange={(e) => setNote(e.target.value)} />
      </div>
      <ErrorMessage error={operators.error ?? hand.error} />
    </Dialog>
  );
}
