import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ErrorMessage } from '../../app/ErrorMessage';
import type { CommandStructureDto } from '../../../shared/api/command';
import { leaderRoleNames } from '../../../shared/domain/workgroups';
import { pickName } from '../mode/names';
import { PersonFields } from './PersonFields';
import { samePerson, toForm, toInput, type PersonForm } from './person';

type Leader = CommandStructureDto['leaders'][number];

function LeaderRow({ leader }: { leader: Leader }) {
  const { t, i18n } = useTranslation();
  const saved = toForm(leader.person);
  const [form, setForm] = useState<PersonForm>(saved);
  const save = useMutation({
    mutationFn: () => call('saveCommandLeader', { role: leader.role, person: toInput(form) }),
  });
  const dirty = !samePerson(form, saved);
  const label = pickName(leaderRoleNames[leader.role], i18n.language);
  return (
    <tr data-testid={`leader-${leader.role}`}>
      <th>{label}</th>
      <td><PersonFields value={form} onChange={setForm} label={label} /></td>
      <td>
        <button className={dirty ? 'primary' : ''} disabled={!dirty || save.isPending} onClick={() => save.mutate()} data-testid="save-leader">
          {t('common.save')}
        </button>
        <ErrorMessage error={save.error} />
      </td>
    </tr>
  );
}

/** 片长 / 指挥长 / 执行指挥长 with names and phones. */
export function LeadersEditor({ leaders }: { leaders: Leader[] }) {
  const { t } = useTranslation();
  return (
    <section className="panel stack">
      <h2>{t('command.leaders')}</h2>
      <table className="form-table">
        <tbody>
          {leaders.map((l) => <LeaderRow key={`${l.role}-${JSON.stringify(l.person)}`} leader={l} />)}
        </tbody>
      </table>
    </section>
  );
}
