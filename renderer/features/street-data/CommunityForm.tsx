import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ErrorMessage } from '../../app/ErrorMessage';
import type { CommunityDto } from '../../../shared/api/street';
import { Dialog } from '../../app/Dialog';
import { FormFooter } from './FormFooter';
import { TextInput } from './TextInput';
import { FormField } from './FormField';
import { collect, parseRequiredText } from './formFields';
import { useFieldErrors } from './useFieldErrors';
import { textLimits } from '../../../shared/api/text';

/** Add (no community) or edit a community: code and name. The outline comes from an import and is kept on edit. */
export function CommunityForm({ community, onClose }: { community?: CommunityDto; onClose: () => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState(community?.code ?? '');
  const [name, setName] = useState(community?.name ?? '');
  const { errors, show, clear, reset } = useFieldErrors<'code' | 'name'>();
  const save = useMutation({
    mutationFn: (input: { code: string; name: string }) => call('saveCommunity', { ...input, id: community?.id }),
    onSuccess: async () => {
      onClose();
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const r = collect({ code: parseRequiredText(code), name: parseRequiredText(name) });
    if (!r.ok) return show(r.errors);
    reset();
    save.mutate(r.values);
  };
  const close = () => !save.isPending && onClose();

  return (
    <Dialog
      title={community ? t('data.edit.community', { name: community.name }) : t('data.add.community')}
      testId="community-form"
      width={460}
      onClose={close}
      footer={<FormFooter formId="community-form" busy={save.isPending} onCancel={close} />}
    >
      <form id="community-form" className="sd-form" onSubmit={submit} noValidate>
        <FormField id="cf-code" label={t('data.col.code')} error={errors.code}>
          <TextInput id="cf-code" value={code} maxLength={textLimits.code} autoFocus onChange={(v) => (setCode(v), clear('code'))} invalid={!!errors.code} />
        </FormField>
        <FormField id="cf-name" label={t('data.col.name')} error={errors.name}>
          <TextInput id="cf-name" value={name} maxLength={textLimits.name} onChange={(v) => (setName(v), clear('name'))} invalid={!!errors.name} />
        </FormField>
        <p className="sd-note wide">{community?.boundary ? t('data.form.boundaryKept') : t('data.form.boundaryNone')}</p>
      </form>
      <ErrorMessage error={save.error} />
    </Dialog>
  );
}
