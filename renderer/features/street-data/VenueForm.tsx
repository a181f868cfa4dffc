import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ErrorMessage } from '../../app/ErrorMessage';
import type { VenueDto } from '../../../shared/api/street';
import { venueTypes, type VenueType } from '../../../shared/domain/venues';
import { Dialog } from '../../app/Dialog';
import { FormFooter } from './FormFooter';
import { TextInput } from './TextInput';
import { FormField } from './FormField';
import { collect, optionalText, parseDecimal, parseRequiredText, type Parsed } from './formFields';
import { useFieldErrors } from './useFieldErrors';
import { venueTypeLabel } from './format';
import { textLimits } from '../../../shared/api/text';

type Field = 'code' | 'name' | 'type' | 'lng' | 'lat' | 'address' | 'contact';

/** Add (no venue) or edit a key venue. Its community and compound are found from the point when it is saved. */
export function VenueForm({ venue, onClose }: { venue?: VenueDto; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState<Record<Exclude<Field, 'type'>, string>>({
    code: venue?.code ?? '',
    name: venue?.name ?? '',
    lng: venue?.lng.toString() ?? '',
    lat: venue?.lat.toString() ?? '',
    address: venue?.address ?? '',
    contact: venue?.contact ?? '',
  });
  const [type, setType] = useState<VenueType | ''>(venue?.type ?? '');
  const { errors, show, clear, reset } = useFieldErrors<Field>();
  const save = useMutation({
    mutationFn: (input: Omit<VenueDto, 'id' | 'communityId' | 'compoundId' | 'communityName' | 'compoundName' | 'updatedAt' | 'updatedByName'>) => call('saveVenue', { ...input, id: venue?.id }),
    onSuccess: async () => {
      onClose();
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const typeParsed: Parsed<VenueType> = type ? { ok: true, value: type } : { ok: false, error: 'required' };
    const r = collect({
      code: parseRequiredText(text.code),
      name: parseRequiredText(text.name),
      type: typeParsed,
      lng: parseDecimal(text.lng),
      lat: parseDecimal(text.lat),
    });
    if (!r.ok) return show(r.errors);
    reset();
    save.mutate({ ...r.values, address: optionalText(text.address), contact: optionalText(text.contact) });
  };
  const close = () => !save.isPending && onClose();
  const input = (f: Exclude<Field, 'type'>, extra: { autoFocus?: boolean; decimal?: boolean; maxLength?: number } = {}) => (
    <TextInput
      id={`vf-${f}`}
      value={text[f]}
      invalid={!!errors[f]}
      mode={extra.decimal ? 'decimal' : undefined}
      autoFocus={extra.autoFocus}
      maxLength={extra.maxLength}
      onChange={(v) => {
        setText({ ...text, [f]: v });
        clear(f);
      }}
    />
  );

  return (
    <Dialog
      title={venue ? t('data.edit.venue', { name: venue.name }) : t('data.add.venue')}
      testId="venue-form"
      onClose={close}
      footer={<FormFooter formId="venue-form" busy={save.isPending} onCancel={close} />}
    >
      <form id="venue-form" className="sd-form" onSubmit={submit} noValidate>
        <FormField id="vf-code" label={t('data.col.code')} error={errors.code}>{input('code', { autoFocus: true, maxLength: textLimits.code })}</FormField>
        <FormField id="vf-name" label={t('data.col.name')} error={errors.name}>{input('name', { maxLength: textLimits.name })}</FormField>
        <FormField id="vf-type" label={t('data.col.type')} error={errors.type}>
          <select id="vf-type" value={type} aria-invalid={!!errors.type} onChange={(e) => (setType(e.target.value as VenueType | ''), clear('type'))}>
            <option value="">{t('data.form.chooseType')}</option>
            {venueTypes.map((v) => (
              <option key={v.id} value={v.id}>{venueTypeLabel(v.id, i18n.language)}</option>
            ))}
          </select>
        </FormField>
        <FormField id="vf-contact" label={`${t('data.col.contact')} · ${t('data.form.optional')}`}>{input('contact', { maxLength: textLimits.label })}</FormField>
        <FormField id="vf-lng" label={t('data.col.lng')} error={errors.lng}>{input('lng', { decimal: true })}</FormField>
        <FormField id="vf-lat" label={t('data.col.lat')} error={errors.lat}>{input('lat', { decimal: true })}</FormField>
        <FormField id="vf-address" label={`${t('data.col.address')} · ${t('data.form.optional')}`} wide>{input('address', { maxLength: textLimits.address })}</FormField>
        <p className="sd-note wide">{t('data.form.locateHint')}</p>
      </form>
      <ErrorMessage error={save.error} />
    </Dialog>
  );
}
