import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ErrorMessage } from '../../app/ErrorMessage';
import type { CommunityDto, CompoundDto } from '../../../shared/api/street';
import { Dialog } from '../../app/Dialog';
import { FormFooter } from './FormFooter';
import { TextInput } from './TextInput';
import { FormField } from './FormField';
import { collect, parseCount, parseOptionalCount, parseRequiredText, type Parsed } from './formFields';
import { useGrids } from './queries';
import { useFieldErrors } from './useFieldErrors';
import { textLimits } from '../../../shared/api/text';

type Field = 'code' | 'name' | 'communityId' | 'buildings' | 'residents' | 'households' | 'elderly';
const countFields = ['buildings', 'residents', 'households', 'elderly'] as const;

/** Add (no compound) or edit a compound: code, name, community, grid, buildings and its population base. */
export function CompoundForm({
  compound,
  communities,
  defaultCommunityId,
  onClose,
}: {
  compound?: CompoundDto;
  communities: CommunityDto[];
  defaultCommunityId?: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState<Record<Exclude<Field, 'communityId'>, string>>({
    code: compound?.code ?? '',
    name: compound?.name ?? '',
    buildings: compound?.buildings?.toString() ?? '',
    residents: compound?.residents.toString() ?? '',
    households: compound?.households.toString() ?? '',
    elderly: compound?.elderly.toString() ?? '',
  });
  const [communityId, setCommunityId] = useState<number | undefined>(compound?.communityId ?? defaultCommunityId);
  const [gridId, setGridId] = useState<number | null>(compound?.gridId ?? null);
  const { errors, show, clear, reset } = useFieldErrors<Field>();
  const grids = useGrids(communityId);

  const save = useMutation({
    mutationFn: (input: Omit<CompoundDto, 'id' | 'communityName' | 'boundary' | 'updatedAt' | 'updatedByName' | 'populationSource' | 'registerResidents' | 'registerHouseholds'>) => call('saveCompound', { ...input, id: compound?.id }),
    onSuccess: async () => {
      onClose();
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const community: Parsed<number> = communityId !== undefined ? { ok: true, value: communityId } : { ok: false, error: 'required' };
    const r = collect({
      code: parseRequiredText(text.code),
      name: parseRequiredText(text.name),
      communityId: community,
      buildings: parseOptionalCount(text.buildings),
      residents: parseCount(text.residents),
      households: parseCount(text.households),
      elderly: parseCount(text.elderly),
    });
    if (!r.ok) return show(r.errors);
    reset();
    save.mutate({ ...r.values, gridId });
  };
  const close = () => !save.isPending && onClose();
  const input = (f: Exclude<Field, 'communityId'>, extra: { autoFocus?: boolean; numeric?: boolean; maxLength?: number } = {}) => (
    <TextInput
      id={`pf-${f}`}
      value={text[f]}
      invalid={!!errors[f]}
      mode={extra.numeric ? 'numeric' : undefined}
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
      title={compound ? t('data.edit.compound', { name: compound.name }) : t('data.add.compound')}
      testId="compound-form"
      onClose={close}
      footer={<FormFooter formId="compound-form" busy={save.isPending} onCancel={close} />}
    >
      <form id="compound-form" className="sd-form" onSubmit={submit} noValidate>
        <FormField id="pf-code" label={t('data.col.code')} error={errors.code}>{input('code', { autoFocus: true, maxLength: textLimits.code })}</FormField>
        <FormField id="pf-name" label={t('data.col.name')} error={errors.name}>{input('name', { maxLength: textLimits.name })}</FormField>
        <FormField id="pf-community" label={t('data.col.community')} error={errors.communityId}>
          <select
            id="pf-community"
            value={communityId ?? ''}
            aria-invalid={!!errors.communityId}
            onChange={(e) => {
              setCommunityId(e.target.value ? Number(e.target.value) : undefined);
              setGridId(null);
              clear('communityId');
            }}
          >
            <option value="">{t('data.form.chooseCommunity')}</option>
            {communities.map((c) => (
              <option key={c.id} value={c.id}>{`${c.name} (${c.code})`}</option>
            ))}
          </select>
        </FormField>
        <FormField id="pf-grid" label={`${t('data.col.grid')} · ${t('data.form.optional')}`}>
          <select id="pf-grid" value={gridId ?? ''} disabled={!grids.data?.length} onChange={(e) => setGridId(e.target.value ? Number(e.target.value) : null)}>
            <option value="">{grids.data?.length ? t('data.form.gridNone') : t('data.form.noGrids')}</option>
            {(grids.data ?? []).map((g) => (
              <option key={g.id} value={g.id}>{`${g.name} (${g.code})`}</option>
            ))}
          </select>
        </FormField>
        {countFields.map((f) => (
          <FormField key={f} id={`pf-${f}`} label={f === 'buildings' ? `${t('data.col.buildings')} · ${t('data.form.optional')}` : t(`data.col.${f}`)} error={errors[f]}>
            {input(f, { numeric: true })}
          </FormField>
        ))}
        <p className="sd-note wide">{compound?.boundary ? t('data.form.boundaryKept') : t('data.form.boundaryNone')}</p>
      </form>
      <ErrorMessage error={save.error} />
    </Dialog>
  );
}
