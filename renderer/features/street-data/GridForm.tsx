import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ErrorMessage } from '../../app/ErrorMessage';
import type { CommunityDto, GridDto } from '../../../shared/api/street';
import { Dialog } from '../../app/Dialog';
import { FormFooter } from './FormFooter';
import { TextInput } from './TextInput';
import { FormField } from './FormField';
import { collect, parseRequiredText, type Parsed } from './formFields';
import { useFieldErrors } from './useFieldErrors';
import { textLimits } from '../../../shared/api/text';

/** Add (no grid) or edit a grid: code, name and the community it belongs to. */
export function GridForm({
  grid,
  communities,
  defaultCommunityId,
  onClose,
}: {
  grid?: GridDto;
  communities: CommunityDto[];
  defaultCommunityId?: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState(grid?.code ?? '');
  const [name, setName] = useState(grid?.name ?? '');
  const [communityId, setCommunityId] = useState<number | undefined>(grid?.communityId ?? defaultCommunityId);
  const { errors, show, clear, reset } = useFieldErrors<'code' | 'name' | 'communityId'>();
  const save = useMutation({
    mutationFn: (input: { code: string; name: string; communityId: number }) => call('saveGrid', { ...input, id: grid?.id }),
    onSuccess: async () => {
      onClose();
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const community: Parsed<number> = communityId !== undefined ? { ok: true, value: communityId } : { ok: false, error: 'required' };
    const r = collect({ code: parseRequiredText(code), name: parseRequiredText(name), communityId: community });
    if (!r.ok) return show(r.errors);
    reset();
    save.mutate(r.values);
  };
  const close = () => !save.isPending && onClose();
  const moving = grid !== undefined && grid.compounds > 0 && communityId !== grid.communityId;

  return (
    <Dialog
      title={grid ? t('data.edit.grid', { name: grid.name }) : t('data.add.grid')}
      testId="grid-form"
      width={460}
      onClose={close}
      footer={<FormFooter formId="grid-form" busy={save.isPending} onCancel={close} />}
    >
      <form id="grid-form" className="sd-form" onSubmit={submit} noValidate>
        <FormField id="gf-code" label={t('data.col.code')} error={errors.code}>
          <TextInput id="gf-code" value={code} maxLength={textLimits.code} autoFocus onChange={(v) => (setCode(v), clear('code'))} invalid={!!errors.code} />
        </FormField>
        <FormField id="gf-name" label={t('data.col.name')} error={errors.name}>
          <TextInput id="gf-name" value={name} maxLength={textLimits.name} onChange={(v) => (setName(v), clear('name'))} invalid={!!errors.name} />
        </FormField>
        <FormField id="gf-community" label={t('data.col.community')} error={errors.communityId}>
          <select
            id="gf-community"
            value={communityId ?? ''}
            aria-invalid={!!errors.communityId}
            onChange={(e) => {
              setCommunityId(e.target.value ? Number(e.target.value) : undefined);
              clear('communityId');
            }}
          >
            <option value="">{t('data.form.chooseCommunity')}</option>
            {communities.map((c) => (
              <option key={c.id} value={c.id}>{`${c.name} (${c.code})`}</option>
            ))}
          </select>
        </FormField>
        <p className="sd-note wide">{moving ? t('data.form.gridMoveBlocked', { n: grid.compounds }) : t('data.form.gridHint')}</p>
      </form>
      <ErrorMessage error={save.error} />
    </Dialog>
  );
}
