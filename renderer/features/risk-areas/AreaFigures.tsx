import { useTranslation } from 'react-i18next';
import type { RiskAreaStatsDto } from '../../../shared/api/risk-areas';
import { venueTypes } from '../../../shared/domain/venues';
import { venueTypeLabel } from '../../map/venueStyle';
import { areaText, n, percent } from './names';

/**
 * 区内情况: who and what is inside a boundary, from the server's figures (previewRiskArea or getRiskArea): residents,
 * households, 60+, compounds with those cut by the boundary flagged with their share, key venues by type, and the
 * venues to suspend. The server's notes ("区域内无居民" ...) are shown as they come.
 */
export function AreaFigures({ stats, testId = 'area-figures', showSuspend = true }: { stats: RiskAreaStatsDto; testId?: string; showSuspend?: boolean }) {
  const { t, i18n } = useTranslation();
  const types = venueTypes.filter((v) => (stats.venuesByType[v.id] ?? 0) > 0);
  return (
    <div className="risk-figures stack" data-testid={testId}>
      <div className="figures four">
        <Figure label={t('risk.fig.residents')} value={n(stats.residents)} testId="fig-residents" />
        <Figure label={t('risk.fig.households')} value={n(stats.households)} testId="fig-households" />
        <Figure label={t('risk.fig.elderly')} value={n(stats.elderly)} testId="fig-elderly" />
        <Figure
          label={t('risk.fig.compounds')}
          value={n(stats.compoundsCounted)}
          note={stats.compoundsSplit ? t('risk.fig.splitNote', { count: stats.compoundsSplit }) : undefined}
          testId="fig-compounds"
        />
      </div>
      <div className="muted small">
        {t('risk.fig.area', { area: areaText(stats.areaM2, i18n.language) })}
        {stats.insideStreetShare < 1 && <> · {t('risk.fig.insideStreet', { share: percent(stats.insideStreetShare) })}</>}
      </div>
      {stats.nobodyInside && <div className="warning-box" data-testid="nobody-inside">{t('risk.fig.nobodyInside')}</div>}
      {stats.compoundsWithoutOutline > 0 && <div className="muted small">{t('risk.fig.withoutOutline', { count: stats.compoundsWithoutOutline })}</div>}
      {stats.notes.length > 0 && (
        <ul className="risk-notes" data-testid="stats-notes">
          {stats.notes.map((x) => (
            <li key={x}>{x}</li>
          ))}
        </ul>
      )}

      {stats.compounds.length > 0 && (
        <details className="risk-details" open={stats.compounds.length <= 8}>
          <summary>{t('risk.fig.compoundList', { count: stats.compounds.length })}</summary>
          <table className="data dense" data-testid="stats-compounds">
            <thead>
              <tr>
                <th>{t('risk.fig.compound')}</th>
                <th className="num">{t('risk.fig.share')}</th>
                <th className="num">{t('risk.fig.residents')}</th>
                <th className="num">{t('risk.fig.households')}</th>
                <th className="num">{t('risk.fig.elderly')}</th>
              </tr>
            </thead>
            <tbody>
              {stats.compounds.map((c) => (
                <tr key={c.id} data-code={c.code} className={c.counted ? undefined : 'muted'}>
                  <td>
                    {c.name} <span className="muted small">{c.communityName}</span>
                    {c.split && (
                      <span className="risk-flag" data-testid="split-flag">
                        {c.counted ? t('risk.fig.splitCounted') : t('risk.fig.splitNotCounted')}
                      </span>
                    )}
                  </td>
                  <td className="num">{percent(c.share)}</td>
                  <td className="num">{c.counted ? n(c.residents) : '—'}</td>
                  <td className="num">{c.counted ? n(c.households) : '—'}</td>
                  <td className="num">{c.counted ? n(c.elderly) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="muted small">{t('risk.fig.splitRule')}</div>
        </details>
      )}

      <div>
        <h4 className="risk-subhead">{t('risk.fig.venues', { count: stats.venues.length })}</h4>
        {types.length === 0 ? (
          <div className="muted small">{t('risk.fig.noVenues')}</div>
        ) : (
          <div className="venue-counts" data-testid="stats-venues">
            {types.map((v) => (
              <div key={v.id} className="venue-count" data-testid={`stats-venue-${v.id}`}>
                <span className="dot" style={{ background: `var(--color-venue-${v.id})` }} />
                <span className="grow">{venueTypeLabel(v.id, i18n.language)}</span>
                <span className="num">{n(stats.venuesByType[v.id] ?? 0)}</span>
              </div>
            ))}
          </div>
        )}
      </div>
      {showSuspend && stats.venuesToSuspend.length > 0 && (
        <div className="small" data-testid="stats-suspend">
          <strong>{t('risk.fig.toSuspend', { count: stats.venuesToSuspend.length })}</strong>{' '}
          {stats.venuesToSuspend.map((v) => v.name).join('、')}
        </div>
      )}
    </div>
  );
}

function Figure({ label, value, note, testId }: { label: string; value: string; note?: string; testId: string }) {
  return (
    <div className="figure" data-testid={testId}>
      <div className="figure-label">{label}</div>
      <div className="figure-value">
        {value}
        {note && <small className="muted"> {note}</small>}
      </div>
    </div>
  );
}
