import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { caseTypes, caseTypeNames, type CaseType } from '../../../shared/domain/workgroups';
import { formatDateTime, fromDateTimeLocal } from '../../../shared/domain/shanghai-time';
import { pickName } from './names';
import { textLimits } from '../../../shared/api/text';

export interface TriggerForm {
  /** datetime-local value in Shanghai time */
  reportedAt: string;
  place: string;
  caseType: CaseType;
  reportedBy: string;
  note: string;
}

/** The first positive report (or a later one): time of report, place, case type, who reported, a note. */
export function TriggerFields({ form, onChange }: { form: TriggerForm; onChange: (f: TriggerForm) => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const at = fromDateTimeLocal(form.reportedAt);
  return (
    <div className="trigger-fields">
      <div className="field">
        <label htmlFor={`${id}-at`}>{t('mode.trigger.reportedAt')}</label>
        <input id={`${id}-at`} data-testid="trigger-at" type="datetime-local" min="2000-01-01T00:00" value={form.reportedAt} aria-describedby={`${id}-at-echo`}
          onChange={(e) => onChange({ ...form, reportedAt: e.target.value })} />
        {/* The input's own display follows the OS locale (mm/dd/yyyy, AM/PM on an English system): echo it unambiguously. */}
        <div id={`${id}-at-echo`} className="muted small" data-testid="trigger-at-echo">
          {Number.isNaN(at) ? '\u00a0' : t('mode.trigger.timeEcho', { time: formatDateTime(at) })}
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-type`}>{t('mode.trigger.caseType')}</label>
        <select id={`${id}-type`} data-testid="trigger-type" value={form.caseType}
          onChange={(e) => onChange({ ...form, caseType: e.target.value as CaseType })}>
          {caseTypes.map((c) => (
            <option key={c} value={c}>{pickName(caseTypeNames[c], i18n.language)}</option>
          ))}
        </select>
      </div>
      <div className="field wide">
        <label htmlFor={`${id}-place`}>{t('mode.trigger.place')}</label>
        <input id={`${id}-place`} data-testid="trigger-place" maxLength={textLimits.address} value={form.place} placeholder={t('mode.trigger.placeHint')}
          onChange={(e) => onChange({ ...form, place: e.target.value })} />
      </div>
      <div className="field wide">
        <label htmlFor={`${id}-by`}>{t('mode.trigger.reportedBy')}</label>
        <input id={`${id}-by`} data-testid="trigger-by" maxLength={textLimits.name} value={form.reportedBy} placeholder={t('mode.trigger.reportedByHint')}
          onChange={(e) => onChange({ ...form, reportedBy: e.target.value })} />
      </div>
      <div className="field wide">
        <label htmlFor={`${id}-note`}>{t('mode.trigger.note')}</label>
        <textarea id={`${id}-note`} rows={2} maxLength={textLimits.note} value={form.note} onChange={(e) => onChange({ ...form, note: e.target.value })} />
      </div>
    </div>
  );
}
