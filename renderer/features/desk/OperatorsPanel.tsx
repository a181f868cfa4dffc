import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ErrorMessage } from '../../app/ErrorMessage';
import type { OperatorDto } from '../../../shared/api/operator';
import { useDesk, useOperators } from './queries';
import { useCanWrite } from './useCanWrite';
import { DeskNotice } from './DeskNotice';
import { textLimits } from '../../../shared/api/text';

/**
 * 值班人员: the people who take the desk, with an optional PIN. Once an admin exists only a signed-in admin
 * may change this list; the server says so and its message is shown. Changing another operator's PIN or making an
 * administrator needs the administrator's own PIN again (the field at the bottom). Before any operator exists
 * (first start) the list is open without a desk, as on the server.
 */
export function OperatorsPanel() {
  const { t } = useTranslation();
  const operators = useOperators();
  const me = useDesk().data?.operator ?? null;
  const { canWrite } = useCanWrite();
  const firstStart = operators.data?.length === 0;
  const canManage = canWrite || firstStart;
  // Asked for when there is an administrator to ask it of: the one signed in.
  const asksAdminPin = !!me?.isAdmin && (operators.data ?? []).some((o) => o.isAdmin && o.active);
  const [adminPin, setAdminPin] = useState('');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [isAdmin, setIsAdmin] = useState(false);
  const [pinFor, setPinFor] = useState<{ id: number; pin: string } | null>(null);
  const withAdminPin = () => (adminPin ? { adminPin } : {});
  const add = useMutation({
    mutationFn: () => call('saveOperator', { name, phone: phone.trim() || null, isAdmin, ...withAdminPin() }),
    onSuccess: () => {
      setName('');
      setPhone('');
      setIsAdmin(false);
    },
  });
  const update = useMutation({
    mutationFn: (o: OperatorDto & { active: boolean }) => call('saveOperator', { id: o.id, name: o.name, phone: o.phone, isAdmin: o.isAdmin, active: o.active }),
  });
  const setPin = useMutation({
    mutationFn: (v: { id: number; pin: string | null }) => call('setOperatorPin', { ...v, ...withAdminPin() }),
    onSuccess: () => {
      setPinFor(null);
    },
  });

  return (
    <section className="panel stack" data-testid="operators-panel">
      <h2>{t('desk.operators.title')}</h2>
      <p className="muted small">{t('desk.operators.hint')}</p>
      {!canManage && <DeskNotice />}
      <ErrorMessage error={operators.error ?? add.error ?? update.error ?? setPin.error} />
      <fieldset className="desk-fieldset stack" disabled={!canManage}>
      <table className="data">
        <thead>
          <tr>
            <th>{t('command.name')}</th><th>{t('command.phone')}</th><th>{t('desk.admin')}</th><th>{t('desk.pin')}</th><th>{t('desk.operators.active')}</th><th />
          </tr>
        </thead>
        <tbody>
          {(operators.data ?? []).map((o) => (
            <tr key={o.id} className={o.active ? '' : 'inactive'}>
              <td>{o.name}</td>
              <td>{o.phone ?? ''}</td>
              <td>{o.isAdmin ? t('common.yes') : ''}</td>
              <td>
                {pinFor?.id === o.id ? (
                  <span className="row nowrap">
                    <input type="password" inputMode="numeric" size={8} value={pinFor.pin} aria-label={t('desk.pin')}
                      onChange={(e) => setPinFor({ id: o.id, pin: e.target.value })} />
                    <button className="primary" onClick={() => setPin.mutate({ id: o.id, pin: pinFor.pin })}>{t('common.save')}</button>
                    <button onClick={() => setPinFor(null)}>{t('common.cancel')}</button>
                  </span>
                ) : (
                  <span className="row nowrap">
                    {o.hasPin ? t('desk.operators.pinSet') : t('desk.operators.noPin')}
                    <button className="link" onClick={() => setPinFor({ id: o.id, pin: '' })}>{t('desk.operators.setPin')}</button>
                    {o.hasPin && <button className="link" onClick={() => setPin.mutate({ id: o.id, pin: null })}>{t('desk.operators.clearPin')}</button>}
                  </span>
                )}
              </td>
              <td>
                <input type="checkbox" checked={o.active} aria-label={t('desk.operators.active')} onChange={(e) => update.mutate({ ...o, active: e.target.checked })} />
              </td>
              <td />
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row">
        <input placeholder={t('command.name')} maxLength={textLimits.personName} value={name} onChange={(e) => setName(e.target.value)} data-testid="new-operator-name" />
        <input placeholder={t('command.phone')} maxLength={textLimits.phone} value={phone} onChange={(e) => setPhone(e.target.value)} data-testid="new-operator-phone" />
        <label className="row nowrap"><input type="checkbox" checked={isAdmin} onChange={(e) => setIsAdmin(e.target.checked)} />{t('desk.admin')}</label>
        <button onClick={() => add.mutate()} disabled={add.isPending} data-testid="add-operator">{t('desk.operators.add')}</button>
      </div>
      {asksAdminPin && (
        <div className="field" style={{ maxWidth: 360 }}>
          <label htmlFor="admin-pin">{t('desk.operators.adminPin', { name: me?.name ?? '' })}</label>
          <input id="admin-pin" data-testid="admin-pin" type="password" inputMode="numeric" autoComplete="off" size={10} value={adminPin}
            onChange={(e) => setAdminPin(e.target.value)} />
          <span className="muted small">{t('desk.operators.adminPinHint')}</span>
        </div>
      )}
      </fieldset>
    </section>
  );
}
