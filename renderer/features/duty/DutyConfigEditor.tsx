import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { useApiQuery } from '../../app/queries';
import { ErrorMessage } from '../../app/ErrorMessage';
import type { DutyConfigDto, ShiftDefDto } from '../../../shared/api/duty';
import { Dialog } from '../../app/Dialog';
import { textLimits } from '../../../shared/api/text';

/** A key for a new shift that no other shift of the form uses (keys are stable ids; names are what people read). */
function newKey(shifts: ShiftDefDto[]): string {
  for (let i = shifts.length + 1; ; i++) if (!shifts.some((s) => s.key === `shift_${i}`)) return `shift_${i}`;
}

/**
 * The shifts of a day (names, start and end in Shanghai time) and the duty officers needed per shift.
 * The server checks the whole day is covered once and refuses to drop a shift that is still rostered; its message is shown.
 */
export function DutyConfigEditor({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const config = useApiQuery('getDutyConfig', {});
  const [form, setForm] = useState<DutyConfigDto | null>(null);
  const value = form ?? config.data ?? null;
  const save = useMutation({
    mutationFn: (c: DutyConfigDto) => call('saveDutyConfig', c),
    onSuccess: () => {
      onClose();
    },
  });
  const setShift = (i: number, patch: Partial<ShiftDefDto>) =>
    value && setForm({ ...value, shifts: value.shifts.map((s, j) => (j === i ? { ...s, ...patch } : s)) });

  return (
    <Dialog
      title={t('duty.config.title')}
      onClose={onClose}
      testId="duty-config"
      width={600}
      footer={
        <>
          <span className="spacer" />
          <button onClick={onClose}>{t('common.cancel')}</button>
          <button className="primary" disabled={!value || save.isPending} onClick={() => value && save.mutate(value)} data-testid="duty-config-save">
            {t('duty.config.save')}
          </button>
        </>
      }
    >
      <ErrorMessage error={config.error} />
      <p className="muted small">{t('duty.config.hint')}</p>
      {value && (
        <>
          <table className="data duty-config-table">
            <thead>
              <tr>
                <th>{t('duty.config.name')}</th>
                <th>{t('duty.config.start')}</th>
                <th>{t('duty.config.end')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {value.shifts.map((s, i) => (
                <tr key={s.key} data-testid="duty-config-shift">
                  <td><input value={s.name} maxLength={textLimits.shiftName} aria-label={t('duty.config.name')} data-field="name" onChange={(e) => setShift(i, { name: e.target.value })} /></td>
                  <td><input type="time" value={s.start} aria-label={t('duty.config.start')} data-field="start" onChange={(e) => setShift(i, { start: e.target.value })} /></td>
                  <td><input type="time" value={s.end} aria-label={t('duty.config.end')} data-field="end" onChange={(e) => setShift(i, { end: e.target.value })} /></td>
                  <td>
                    <button className="link danger" disabled={value.shifts.length <= 1} aria-label={t('duty.config.remove')} title={t('duty.config.remove')}
                      onClick={() => setForm({ ...value, shifts: value.shifts.filter((_, j) => j !== i) })}>×</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="row">
            <button className="link" disabled={value.shifts.length >= 6} data-testid="duty-config-add"
              onClick={() => setForm({ ...value, shifts: [...value.shifts, { key: newKey(value.shifts), name: '', start: '00:00', end: '00:00' }] })}>
              + {t('duty.config.add')}
            </button>
            <span className="spacer" />
            <label className="row nowrap" htmlFor="duty-config-min">{t('duty.config.minMembers')}</label>
            <input id="duty-config-min" type="number" min={1} max={20} value={value.minMembers} style={{ width: 64 }} data-testid="duty-config-min"
              onChange={(e) => setForm({ ...value, minMembers: Number(e.target.value) || 0 })} />
          </div>
        </>
      )}
      <ErrorMessage error={save.error} />
    </Dialog>
  );
}
