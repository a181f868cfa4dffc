import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../app/queries';
import { LevelBadge } from './LevelBadge';
import { n } from './names';
import './RiskAreaLayer';
import './risk-areas.css';

/**
 * 风险区合计 on the board: areas, compounds, residents, households, 60+ and venues to suspend per level (a compound in
 * two areas counts once, at the higher level). Shown only while there are levels to count (an emergency).
 */
export function RiskTotalsPanel() {
  const { t } = useTranslation();
  const totals = useApiQuery('getRiskAreaTotals', {});
  const rows = totals.data?.byLevel ?? [];
  if (rows.length === 0) return null;
  return (
    <section className="board-section" data-testid="risk-totals">
      <h3>
        <a href="#/risk">{t('risk.totals.title')}</a>
      </h3>
      <table className="data dense">
        <thead>
          <tr>
            <th />
            <th className="num">{t('risk.totals.areas')}</th>
            <th className="num">{t('risk.totals.compounds')}</th>
            <th className="num">{t('risk.fig.residents')}</th>
            <th className="num">{t('risk.fig.households')}</th>
            <th className="num">{t('risk.fig.elderly')}</th>
            <th className="num">{t('risk.totals.suspend')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.level} data-level={r.level} data-testid="risk-total-row">
              <td><LevelBadge level={r.level} label={r.name} /></td>
              <td className="num">{n(r.areas)}</td>
              <td className="num">{n(r.compounds)}</td>
              <td className="num">{n(r.residents)}</td>
              <td className="num">{n(r.households)}</td>
              <td className="num">{n(r.elderly)}</td>
              <td className="num">{n(r.venuesToSuspend)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {(totals.data?.compoundsInSeveralAreas ?? 0) > 0 && (
        <div className="muted small">{t('risk.totals.overlap', { count: totals.data!.compoundsInSeveralAreas })}</div>
      )}
    </section>
  );
}
