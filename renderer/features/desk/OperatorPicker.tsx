import { useTranslation } from 'react-i18next';
import type { OperatorDto } from '../../../shared/api/operator';

/** Pick a name and, when that person has one, type the PIN. */
export function OperatorPicker({ operators, operatorId, pin, onChange, idPrefix }: {
  operators: OperatorDto[];
  operatorId: number | null;
  pin: string;
  onChange: (v: { operatorId: number | null; pin: string }) => void;
  idPrefix: string;
}) {
  const { t } = useTranslation();
  const chosen = operators.find((o) => o.id === operatorId);
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-who`}>{t('desk.pickName')}</label>
        <select id={`${idPrefix}-who`} data-testid={`${idPrefix}-who`} value={operatorId ?? ''}
          onChange={(e) => onChange({ operatorId: e.target.value ? Number(e.target.value) : null, pin: '' })}>
          <option value="">{t('desk.choose')}</option>
          {operators.map((o) => (
            <option key={o.id} value={o.id}>{o.name}{o.isAdmin ? ` (${t('desk.admin')})` : ''}</option>
          ))}
        </select>
      </div>
      {chosen?.hasPin && (
        <div className="field">
          <label htmlFor={`${idPrefix}-pin`}>{t('desk.pin')}</label>
          <input id={`${idPrefix}-pin`} data-testid={`${idPrefix}-pin`} type="password" inputMode="numeric" autoComplete="off" value={pin}
            onChange={(e) => onChange({ operatorId, pin: e.target.value })} />
        </div>
      )}
    </>
  );
}
