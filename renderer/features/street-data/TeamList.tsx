import { useTranslation } from 'react-i18next';
import { ListPane, type ListColumn } from '../../app/ListPane';
import type { TeamDto } from '../../../shared/api/street';
import { useTeams } from './queries';

const leaderOf = (team: TeamDto) => team.members.find((m) => m.role === 'leader');

/** 采样队: the sampling teams kept ready, with their members. Read-only here; teams come from an import or the demo. */
export function TeamList() {
  const { t } = useTranslation();
  const teams = useTeams();
  const rows = teams.data ?? [];
  const members = rows.reduce((s, team) => s + team.members.length, 0);
  const columns: ListColumn<TeamDto>[] = [
    { header: t('data.col.code'), kind: 'code', cell: (team) => team.code },
    { header: t('data.col.team'), cell: (team) => team.name },
    { header: t('data.col.size'), kind: 'num', cell: (team) => team.members.length },
    { header: t('data.col.leader'), cell: (team) => leaderOf(team)?.name ?? <span className="muted">–</span> },
    { header: t('data.col.phone'), className: () => 'code', cell: (team) => leaderOf(team)?.phone ?? '' },
    {
      header: t('data.col.members'),
      className: () => 'sd-members',
      cell: (team) =>
        team.members
          .filter((m) => m !== leaderOf(team))
          .map((m, i) => (
            <span key={i} className="sd-member" title={m.phone ?? undefined}>
              {m.name}
              <em>{t(`data.roles.${m.role}`)}</em>
            </span>
          )),
    },
  ];
  return (
    <ListPane
      testId="team-list"
      columns={columns}
      rows={rows}
      status={teams}
      rowCode={(team) => team.code}
      note={<span className="muted sd-small">· {t('data.teams.members', { n: members })} · {t('data.teams.readOnly')}</span>}
      empty={t('data.teams.none')}
    />
  );
}
