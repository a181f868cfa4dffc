import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ErrorMessage } from '../../app/ErrorMessage';
import type { CommandStructureDto } from '../../../shared/api/command';
import { workGroupNames } from '../../../shared/domain/workgroups';
import { pickName } from '../mode/names';
import { PersonFields } from './PersonFields';
import { emptyPerson, samePerson, toForm, toInput, type PersonForm } from './person';
import { textLimits } from '../../../shared/api/text';

type Group = CommandStructureDto['groups'][number];

/** One work group: its lead, members (name, phone, duty) and tasks, saved together. */
export function WorkGroupEditor({ group }: { group: Group }) {
  const { t, i18n } = useTranslation();
  const initial = { lead: toForm(group.lead), members: group.members.map(toForm), tasks: group.tasks ?? '' };
  const [lead, setLead] = useState<PersonForm>(initial.lead);
  const [members, setMembers] = useState<PersonForm[]>(initial.members);
  const [tasks, setTasks] = useState(initial.tasks);
  const save = useMutation({
    mutationFn: () =>
      call('saveWorkGroup', {
        key: group.key,
        lead: toInput(lead),
        members: members.map(toInput).filter((m): m is NonNullable<typeof m> => m !== null),
        tasks: tasks.trim() || null,
      }),
  });
  const dirty =
    !samePerson(lead, initial.lead) ||
    tasks !== initial.tasks ||
    members.length !== initial.members.length ||
    members.some((m, i) => !samePerson(m, initial.members[i]));
  const name = pickName(workGroupNames[group.key], i18n.language);

  return (
    <div className={`workgroup-card${group.lead ? '' : ' gap'}`} data-testid={`group-${group.key}`}>
      <h3>{name}</h3>
      <div className="field">
        <label>{t('command.groupLead')}</label>
        <PersonFields value={lead} onChange={setLead} label={`${name} ${t('command.groupLead')}`} testId="group-lead" />
      </div>
      <div className="field">
        <label>{t('command.members', { count: members.length })}</label>
        {members.map((m, i) => (
          <div key={i} className="row nowrap">
            <PersonFields value={m} withDuty label={`${name} ${t('command.member')} ${i + 1}`}
              onChange={(p) => setMembers(members.map((x, j) => (j === i ? p : x)))} />
            <button className="link danger" aria-label={t('common.delete')} onClick={() => setMembers(members.filter((_, j) => j !== i))}>×</button>
          </div>
        ))}
        <div><button className="link" onClick={() => setMembers([...members, emptyPerson])} data-testid="add-member">+ {t('command.addMember')}</button></div>
      </div>
      <div className="field">
        <label>{t('command.tasks')}</label>
        <textarea rows={2} maxLength={textLimits.note} value={tasks} onChange={(e) => setTasks(e.target.value)} />
      </div>
      <ErrorMessage error={save.error} />
      <div>
        <button className={dirty ? 'primary' : ''} disabled={!dirty || save.isPending} onClick={() => save.mutate()} data-testid="save-group">
          {t('common.save')}
        </button>
      </div>
    </div>
  );
}
