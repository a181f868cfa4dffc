import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ErrorMessage } from '../../app/ErrorMessage';
import type { DutyShiftDto } from '../../../shared/api/duty';
import { PersonFields } from '../command/PersonFields';
import { emptyPerson, toInput, type PersonForm } from '../command/person';
import { textLimits } from '../../../shared/api/text';

/** 换班: who leaves the shift, who takes their place, why. The swap is kept with who recorded it and when. */
export function SwapForm({ shift, onDone, onCancel }: { shift: DutyShiftDto; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const people = [shift.leader, ...shift.members].filter((p): p is NonNullable<typeof p> => p !== null).map((p) => p.name);
  const [outName, setOutName] = useState(people[0] ?? '');
  const [incoming, setIncoming] = useState<PersonForm>(emptyPerson);
  const [reason, setReason] = useState('');
  const swap = useMutation({
    mutationFn: () =>
      call('swapDuty', { shiftId: shift.id!, outName, in: toInput(incoming) ?? { name: '' }, reason: reason.trim() || null }),
    onSuccess: onDone,
  });
  return (
    <fieldset className="swap-form stack" data-testid="swap-form">
      <legend>{t('duty.swap.title')}</legend>
      <div className="row">
        <label htmlFor="swap-out">{t('duty.swap.out')}</label>
        <select id="swap-out" value={outName} onChange={(e) => setOutName(e.target.value)}>
          {people.map((p) => <option key={p} value={p}>{p}</option>)}
        </select>
        <span>{t('duty.swap.in')}</span>
        <PersonFields value={incoming} onChange={setIncoming} label={t('duty.swap.in')} testId="swap-in" />
      </div>
      <div className="row">
        <input className="grow" placeholder={t('duty.swap.reason')} maxLength={textLimits.reason} value={reason} onChange={(e) => setReason(e.target.value)} />
        <button onClick={onCancel}>{t('common.cancel')}</button>
        <button className="primary" disabled={swap.isPending} onClick={() => swap.mutate()} data-testid="save-swap">{t('duty.swap.save')}</button>
      </div>
      <ErrorMessage error={swap.error} />
    </fieldset>
  );
}
