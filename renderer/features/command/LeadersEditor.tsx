import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ErrorMessage } from '../../app/ErrorMessage';
import { saveOnEnter } from '../../app/enterKey';
import { useSentValue, useUnsavedChanges } from '../../app/unsavedChanges';
import type { CommandStructureDto } from '../../../shared/api/command';
import { leaderRoleNames } from '../../../shared/domain/workgroups';
import { pickName } from '../mode/names';
import { PersonFields } from './PersonFields';
import { samePerson, toForm, toInput, type PersonForm } from './person';
import { saveMethods, type CommandScope } from './scope';

type Leader = CommandStructureDto['leaders'][number];

function LeaderRow({ leader, scope }: { leader: Leader; scope: CommandScope }) {
  const { t, i18n } = useTranslation();
  const saved = toForm(leader.person);
  const [form, setForm] = useState<PersonForm>(saved);
  const { sent, mark } = useSentValue();
  const save = useMutation({
    mutationFn: () => call(saveMethods[scope].leader, { role: leader.role, person: toInput(form) }),
    onError: () => mark(null),
  });
  const dirty = !samePerson(form, saved);
  useUnsavedChanges(dirty && JSON.stringify(form) !== sent);
  const submit = () => {
    if (!dirty || save.isPending) return;
    mark(form);
    save.mutate();
  };
  const label = pickName(leaderRoleNames[leader.role], i18n.language);
  return (
    <tr data-testid={`leader-${leader.role}`} className={leader.person ? '' : 'gap'} onKeyDown={saveOnEnter(submit)}>
      <th>{label}</th>
      <td><PersonFields value={form} onChange={setForm} label={label} /></td>
      <td>
        <button className={dirty ? 'primary' : ''} disabled={!dirty || save.isPending} onClick={submit} data-testid="save-leader">
          {t('common.save')}
        </button>
        <ErrorMessage error={save.error} />
      </td>
    </tr>
  );
}

/** 片长 / 指挥长 / 执行指挥长 with names and phones. */
export function LeadersEditor({ leaders, scope }: { leaders: Leader[]; scope: CommandScope }) {
  const { t } = useTranslation();
  return (
    <section className="panel stack">
      <h2>{t('command.leaders')}</h2>
      <table className="form-table">
        <tbody>
          {leaders.map((l) => <LeaderRow key={`${scope}-${l.role}-${JSON.stringify(l.person)}`} leader={l} scope={scope} />)}
        </tbody>
      </table>
    </section>
  );
}
