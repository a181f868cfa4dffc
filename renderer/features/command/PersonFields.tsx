import { useTranslation } from 'react-i18next';
import type { PersonForm } from './person';
import './command.css';
import { textLimits } from '../../../shared/api/text';

/** Name and phone inputs side by side (and the duty of a group member when `withDuty`). */
export function PersonFields({ value, onChange, label, withDuty, testId }: {
  value: PersonForm;
  onChange: (p: PersonForm) => void;
  label: string;
  withDuty?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const missingPhone = value.name.trim() !== '' && value.phone.trim() === '';
  return (
    <span className="person-fields" data-testid={testId}>
      <input className="person-name" aria-label={`${label} ${t('command.name')}`} placeholder={t('command.name')} maxLength={textLimits.personName} value={value.name}
        onChange={(e) => onChange({ ...value, name: e.target.value })} data-field="name" />
      <input className={`person-phone${missingPhone ? ' missing' : ''}`} aria-label={`${label} ${t('command.phone')}`} placeholder={t('command.phone')}
        value={value.phone} maxLength={textLimits.phone} inputMode="tel" onChange={(e) => onChange({ ...value, phone: e.target.value })} data-field="phone" />
      {withDuty && (
        <input className="person-duty" aria-label={`${label} ${t('command.duty')}`} placeholder={t('command.duty')} maxLength={textLimits.label} value={value.duty}
          onChange={(e) => onChange({ ...value, duty: e.target.value })} data-field="duty" />
      )}
    </span>
  );
}
