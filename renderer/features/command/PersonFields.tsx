import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isPhone } from '../../../shared/domain/phone';
import type { PersonForm } from './person';
import './command.css';
import { textLimits } from '../../../shared/api/text';

/** Someone the name field offers (the desk's operators on the duty roster): picking the name fills the phone. */
export interface PersonSuggestion {
  name: string;
  phone: string | null;
}

/**
 * Name and phone inputs side by side (and the duty of a group member when `withDuty`). With `suggestions` the name
 * field offers those people; a name typed by hand is still taken as it is (people outside the list).
 */
export function PersonFields({ value, onChange, label, withDuty, testId, suggestions }: {
  value: PersonForm;
  onChange: (p: PersonForm) => void;
  label: string;
  withDuty?: boolean;
  testId?: string;
  suggestions?: PersonSuggestion[];
}) {
  const { t } = useTranslation();
  const listId = useId();
  const missingPhone = value.name.trim() !== '' && value.phone.trim() === '';
  // Said while typing, so a 10-digit number is caught before it is saved and printed (the server refuses it too).
  const badPhone = value.phone.trim() !== '' && !isPhone(value.phone);
  const changeName = (name: string) => {
    const picked = suggestions?.find((s) => s.name === name.trim());
    // A picked person brings their phone unless a phone was typed already.
    onChange({ ...value, name, phone: picked?.phone && value.phone.trim() === '' ? picked.phone : value.phone });
  };
  return (
    <span className="person-fields" data-testid={testId}>
      <input className="person-name" aria-label={`${label} ${t('command.name')}`} placeholder={t('command.name')} maxLength={textLimits.personName} value={value.name}
        list={suggestions?.length ? listId : undefined} onChange={(e) => changeName(e.target.value)} data-field="name" />
      {suggestions && suggestions.length > 0 && (
        <datalist id={listId}>
          {suggestions.map((s) => <option key={s.name} value={s.name}>{s.phone ?? ''}</option>)}
        </datalist>
      )}
      <input className={`person-phone${missingPhone ? ' missing' : ''}${badPhone ? ' invalid' : ''}`} aria-label={`${label} ${t('command.phone')}`}
        placeholder={t('command.phone')} value={value.phone} maxLength={textLimits.phone} inputMode="tel" aria-invalid={badPhone || undefined}
        title={badPhone ? t('command.phoneInvalid') : undefined}
        onChange={(e) => onChange({ ...value, phone: e.target.value })} data-field="phone" />
      {withDuty && (
        <input className="person-duty" aria-label={`${label} ${t('command.duty')}`} placeholder={t('command.duty')} maxLength={textLimits.label} value={value.duty}
          onChange={(e) => onChange({ ...value, duty: e.target.value })} data-field="duty" />
      )}
    </span>
  );
}
