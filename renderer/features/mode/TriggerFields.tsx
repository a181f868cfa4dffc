import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseTypes, caseTypeNames, type CaseType } from '../../../shared/domain/workgroups';
import type { LngLat } from '../../../shared/api/mode';
import { formatDateTime, fromDateTimeLocal } from '../../../shared/domain/shanghai-time';
import { pickName } from './names';
import { CompoundPicker, type PickedCompound } from './CompoundPicker';
import { ReportPlaceMap } from './ReportPlaceMap';
import { textLimits } from '../../../shared/api/text';

export interface TriggerForm {
  /** datetime-local value in Shanghai time */
  reportedAt: string;
  place: string;
  caseType: CaseType;
  reportedBy: string;
  note: string;
  /** Picked from the street data, or found from the point clicked. */
  compound: PickedCompound | null;
  /** Clicked on the map. */
  point: LngLat | null;
}

/** The place text a picked compound suggests, when nothing was typed yet. */
const placeOf = (c: PickedCompound) => `${c.communityName} ${c.name}`.trim();

/** The first positive report (or a later one): time of report, place, case type, who reported, a note. */
export function TriggerFields({ form, onChange }: { form: TriggerForm; onChange: (f: TriggerForm) => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const at = fromDateTimeLocal(form.reportedAt);
  const [mapOpen, setMapOpen] = useState(false);
  const pickCompound = (c: PickedCompound | null) =>
    onChange({ ...form, compound: c, place: c && !form.place.trim() ? placeOf(c) : form.place });
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
      <div className="field wide report-where">
        <span id={`${id}-compound`} className="label">{t('mode.place.compound')}</span>
        <div className="row nowrap">
          <div className="grow"><CompoundPicker value={form.compound} onChange={pickCompound} labelledBy={`${id}-compound`} /></div>
          <button type="button" data-testid="place-map-toggle" aria-expanded={mapOpen} onClick={() => setMapOpen((o) => !o)}>
            {t(mapOpen ? 'mode.place.hideMap' : 'mode.place.onMap')}
          </button>
        </div>
        {form.point && (
          <div className="muted small row" data-testid="place-point">
            {t('mode.place.point', { lng: form.point.lng.toFixed(5), lat: form.point.lat.toFixed(5) })}
            <button type="button" className="link" data-testid="place-point-clear" onClick={() => onChange({ ...form, point: null })}>{t('mode.place.clear')}</button>
          </div>
        )}
        {mapOpen && (
          <>
            <div className="muted small">{t('mode.place.mapHint')}</div>
            <ReportPlaceMap
              point={form.point}
              onPick={(point, compound) =>
                onChange({ ...form, point, compound: compound ?? null, place: compound && !form.place.trim() ? placeOf(compound) : form.place })
              }
            />
          </>
        )}
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
