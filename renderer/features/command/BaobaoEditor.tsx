import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ErrorMessage } from '../../app/ErrorMessage';
import { saveOnEnter } from '../../app/enterKey';
import { useSentValue, useUnsavedChanges } from '../../app/unsavedChanges';
import type { CommandStructureDto } from '../../../shared/api/command';
import { baobaoLevelNames } from '../../../shared/domain/workgroups';
import { pickName } from '../mode/names';
import { PersonFields } from './PersonFields';
import { samePerson, toForm, toInput, type PersonForm } from './person';
import { saveMethods, type CommandScope } from './scope';

type Row = CommandStructureDto['baobao'][number];
type Level = 'districtLeader' | 'streetCadre' | 'communityCadre';
const levels: { field: Level; key: keyof typeof baobaoLevelNames }[] = [
  { field: 'districtLeader', key: 'district_leader' },
  { field: 'streetCadre', key: 'street_cadre' },
  { field: 'communityCadre', key: 'community_cadre' },
];

function BaobaoRow({ row, scope }: { row: Row; scope: CommandScope }) {
  const { t, i18n } = useTranslation();
  const initial: Record<Level, PersonForm> = {
    districtLeader: toForm(row.districtLeader),
    streetCadre: toForm(row.streetCadre),
    communityCadre: toForm(row.communityCadre),
  };
  const [form, setForm] = useState(initial);
  const { sent, mark } = useSentValue();
  const save = useMutation({
    onError: () => mark(null),
    mutationFn: () =>
      call(saveMethods[scope].baobao, {
        communityId: row.communityId,
        districtLeader: toInput(form.districtLeader),
        streetCadre: toInput(form.streetCadre),
        communityCadre: toInput(form.communityCadre),
      }),
  });
  const dirty = levels.some((l) => !samePerson(form[l.field], initial[l.field]));
  const missing = levels.some((l) => !form[l.field].name.trim());
  useUnsavedChanges(dirty && JSON.stringify(form) !== sent);
  const submit = () => {
    if (!dirty || save.isPending) return;
    mark(form);
    save.mutate();
  };
  return (
    <tr data-testid="baobao-row" className={missing ? 'gap' : ''} onKeyDown={saveOnEnter(submit)}>
      <th>{row.communityName}</th>
      {levels.map((l) => (
        <td key={l.field}>
          <PersonFields value={form[l.field]} label={`${row.communityName} ${pickName(baobaoLevelNames[l.key], i18n.language)}`}
            onChange={(p) => setForm({ ...form, [l.field]: p })} />
        </td>
      ))}
      <td>
        <button className={dirty ? 'primary' : ''} disabled={!dirty || save.isPending} onClick={submit}>{t('common.save')}</button>
        <ErrorMessage error={save.error} />
      </td>
    </tr>
  );
}

/** 三级包保: district leader, street cadre and community cadre for each community. */
export function BaobaoEditor({ rows, scope }: { rows: Row[]; scope: CommandScope }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="panel stack">
      <h2>{t('command.baobao')}</h2>
      {rows.length === 0 && <div className="muted">{t('command.noCommunities')}</div>}
      {rows.length > 0 && (
        <div className="scroll-x">
          <table className="form-table baobao-table">
            <thead>
              <tr>
                <th>{t('command.community')}</th>
                {levels.map((l) => <th key={l.key}>{pickName(baobaoLevelNames[l.key], i18n.language)}</th>)}
                <th />
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => <BaobaoRow key={`${scope}-${JSON.stringify(r)}`} row={r} scope={scope} />)}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
