import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ErrorMessage } from '../../app/ErrorMessage';
import type { DutyShiftDto } from '../../../shared/api/duty';
import { formatDateTime } from '../../../shared/domain/shanghai-time';
import { Dialog } from '../../app/Dialog';
import { PersonFields } from '../command/PersonFields';
import { emptyPerson, toForm, toInput, type PersonForm } from '../command/person';
import { SwapForm } from './SwapForm';

/**
 * One shift of one day: the leader (领导带班) and the duty officers. The server refuses a shift with nobody
 * or the same person twice; its message is shown here. Swaps of a rostered shift are recorded, never overwritten.
 */
export function ShiftEditor({ shift, minMembers, onClose }: { shift: DutyShiftDto; minMembers: number; onClose: () => void }) {
  const { t } = useTranslation();
  const [leader, setLeader] = useState<PersonForm>(toForm(shift.leader));
  const [members, setMembers] = useState<PersonForm[]>(
    shift.members.length > 0 ? shift.members.map(toForm) : Array.from({ length: minMembers }, () => emptyPerson),
  );
  const [swapping, setSwapping] = useState(false);
  const done = () => {
    onClose();
  };
  const save = useMutation({
    mutationFn: () =>
      call('saveDutyShift', {
        date: shift.date,
        shiftKey: shift.shiftKey,
        // No leader goes as null: the server answers in its own words (…没有带班领导…), not the schema's "姓名不能为空".
        leader: toInput(leader),
        members: members.map(toInput).filter((m): m is NonNullable<typeof m> => m !== null),
      }),
    onSuccess: done,
  });
  const remove = useMutation({ mutationFn: (id: number) => call('deleteDutyShift', { id }), onSuccess: done });

  return (
    <Dialog
      title={t('duty.editTitle', { date: shift.date, shift: shift.shiftName, start: shift.start, end: shift.end })}
      onClose={onClose}
      testId="shift-editor"
      width={640}
      footer={
        <>
          {shift.id !== null && (
            <button className="danger" onClick={() => window.confirm(t('duty.confirmDelete')) && remove.mutate(shift.id!)}>{t('common.delete')}</button>
          )}
          {shift.id !== null && !swapping && <button onClick={() => setSwapping(true)} data-testid="open-swap">{t('duty.swap.button')}</button>}
          <span className="spacer" />
          <button onClick={onClose}>{t('common.cancel')}</button>
          <button className="primary" data-testid="save-shift" disabled={save.isPending} onClick={() => save.mutate()}>{t('common.save')}</button>
        </>
      }
    >
      <div className="field">
        <label>{t('duty.leader')}</label>
        <PersonFields value={leader} onChange={setLeader} label={t('duty.leader')} testId="shift-leader" />
      </div>
      <div className="field">
        <label>{t('duty.members', { min: minMembers })}</label>
        {members.map((m, i) => (
          <div key={i} className="row nowrap">
            <PersonFields value={m} label={`${t('duty.member')} ${i + 1}`} testId="shift-member"
              onChange={(p) => setMembers(members.map((x, j) => (j === i ? p : x)))} />
            <button className="link danger" aria-label={t('common.delete')} onClick={() => setMembers(members.filter((_, j) => j !== i))}>×</button>
          </div>
        ))}
        <div><button className="link" onClick={() => setMembers([...members, emptyPerson])}>+ {t('duty.addMember')}</button></div>
      </div>
      <ErrorMessage error={save.error ?? remove.error} />
      {swapping && shift.id !== null && <SwapForm shift={shift} onDone={done} onCancel={() => setSwapping(false)} />}
      {shift.swaps.length > 0 && (
        <div className="field">
          <label>{t('duty.swap.history')}</label>
          <ul className="plain small">
            {shift.swaps.map((s) => (
              <li key={s.id}>
                {t('duty.swap.entry', { out: s.outName, in: s.inName, at: formatDateTime(s.at), by: s.by?.name ?? '—', reason: s.reason ?? '' })}
              </li>
            ))}
          </ul>
        </div>
      )}
    </Dialog>
  );
}
