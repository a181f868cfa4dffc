import { useTranslation } from 'react-i18next';
import type { CommandStructureDto } from '../../../shared/api/command';
import { baobaoLevelNames, leaderRoleNames, workGroupNames } from '../../../shared/domain/workgroups';
import { pickName } from '../mode/names';
import { personText } from './person';

/** The command structure as print tables: leaders, work groups with phones, 三级包保. Used by the sheet and the briefing. */
export function CommandTables({ command, withMembers = true, withBaobao = true }: {
  command: CommandStructureDto;
  withMembers?: boolean;
  withBaobao?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <>
      <table className="print-leaders">
        <thead>
          <tr>
            <th style={{ width: '22%' }}>{t('command.post')}</th>
            <th>{t('command.name')}</th>
            <th style={{ width: '30%' }}>{t('command.phone')}</th>
          </tr>
        </thead>
        <tbody>
          {command.leaders.map((l) => (
            <tr key={l.role}>
              <th>{pickName(leaderRoleNames[l.role], lang)}</th>
              <td>{l.person?.name ?? '—'}</td>
              <td>{l.person?.phone ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="print-groups">
        <thead>
          <tr>
            <th style={{ width: '18%' }}>{t('command.group')}</th>
            <th style={{ width: '26%' }}>{t('command.groupLead')}</th>
            {withMembers && <th>{t('command.membersHead')}</th>}
            {!withMembers && <th>{t('command.tasks')}</th>}
          </tr>
        </thead>
        <tbody>
          {command.groups.map((g) => (
            <tr key={g.key}>
              <th>{pickName(workGroupNames[g.key], lang)}</th>
              <td>{personText(g.lead)}</td>
              {withMembers ? (
                <td>
                  {g.members.length === 0 ? '—' : g.members.map((m) => (m.duty ? t('print.withDuty', { person: personText(m), duty: m.duty }) : personText(m))).join(t('print.sep'))}
                  {g.tasks && <div className="print-tasks">{t('command.tasksIs', { tasks: g.tasks })}</div>}
                </td>
              ) : (
                <td>{g.tasks ?? ''}</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {withBaobao && (
        <>
          <h3 className="print-sub">{t('command.baobao')}</h3>
          <table className="print-baobao">
            <thead>
              <tr>
                <th style={{ width: '19%' }}>{t('command.community')}</th>
                <th>{pickName(baobaoLevelNames.district_leader, lang)}</th>
                <th>{pickName(baobaoLevelNames.street_cadre, lang)}</th>
                <th>{pickName(baobaoLevelNames.community_cadre, lang)}</th>
              </tr>
            </thead>
            <tbody>
              {command.baobao.length === 0 && (
                <tr><td colSpan={4} className="print-empty">{t('command.noCommunities')}</td></tr>
              )}
              {command.baobao.map((b) => (
                <tr key={b.communityId}>
                  <th>{b.communityName}</th>
                  <td>{personText(b.districtLeader)}</td>
                  <td>{personText(b.streetCadre)}</td>
                  <td>{personText(b.communityCadre)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
