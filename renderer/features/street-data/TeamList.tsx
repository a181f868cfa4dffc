import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../app/ErrorMessage';
import { RowCount } from './RowCount';
import { useTeams } from './queries';

/** 采样队: the sampling teams kept ready, with their members. Read-only here; teams come from an import or the demo. */
export function TeamList() {
  const { t } = useTranslation();
  const teams = useTeams();
  const rows = teams.data ?? [];
  const members = rows.reduce((s, team) => s + team.members.length, 0);
  return (
    <section className="sd-pane" data-testid="team-list">
      <div className="sd-toolbar">
        <RowCount total={rows.length} shown={rows.length} busy={teams.isPending} />
        <span className="muted sd-small">· {t('data.teams.members', { n: members })} · {t('data.teams.readOnly')}</span>
      </div>
      <ErrorMessage error={teams.error} />
      <div className="sd-table-wrap">
        <table className="data sd-table">
          <thead>
            <tr>
              <th className="code-col">{t('data.col.code')}</th>
              <th>{t('data.col.team')}</th>
              <th className="num">{t('data.col.size')}</th>
              <th>{t('data.col.leader')}</th>
              <th>{t('data.col.phone')}</th>
              <th>{t('data.col.members')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((team) => {
              const leader = team.members.find((m) => m.role === 'leader');
              return (
                <tr key={team.id} data-code={team.code}>
                  <td className="code">{team.code}</td>
                  <td>{team.name}</td>
                  <td className="num">{team.members.length}</td>
                  <td>{leader?.name ?? <span className="muted">–</span>}</td>
                  <td className="code">{leader?.phone ?? ''}</td>
                  <td className="sd-members">
                    {team.members
                      .filter((m) => m !== leader)
                      .map((m, i) => (
                        <span key={i} className="sd-member" title={m.phone ?? undefined}>
                          {m.name}
                          <em>{t(`data.roles.${m.role}`)}</em>
                        </span>
                      ))}
                  </td>
                </tr>
              );
            })}
            {rows.length === 0 && !teams.isPending && (
              <tr><td colSpan={6} className="sd-empty">{t('data.teams.none')}</td></tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
