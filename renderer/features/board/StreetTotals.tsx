import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../app/queries';
import { ErrorMessage } from '../../app/ErrorMessage';
import { venueTypes } from '../../../shared/domain/venues';
import { populationSources, type StreetSummaryDto } from '../../../shared/api/street';
import { venueTypeLabel } from '../../map/venueStyle';

const n = (v: number) => v.toLocaleString('zh-CN');

/** 街道概况: population base, organisation, key venues by type and sampling teams, from getStreetSummary. */
export function StreetTotals() {
  const { t, i18n } = useTranslation();
  const summary = useApiQuery('getStreetSummary', {});
  if (summary.error) return <ErrorMessage error={summary.error} />;
  const s = summary.data;
  if (!s) return <div className="muted">{t('app.loading')}</div>;
  const elderlyShare = s.residents ? `${((s.elderly / s.residents) * 100).toFixed(1)}%` : '—';

  return (
    <div className="street-totals" data-testid="street-totals">
      <section className="board-section">
        <h3>{t('board.population')}</h3>
        <div className="figures three">
          <Figure label={t('board.residents')} value={n(s.residents)} testId="total-residents" />
          <Figure label={t('board.households')} value={n(s.households)} testId="total-households" />
          <Figure label={t('board.elderly')} value={n(s.elderly)} note={elderlyShare} testId="total-elderly" />
        </div>
        <PopulationSources summary={s} />
      </section>
      <section className="board-section">
        <h3>{t('board.organisation')}</h3>
        <div className="figures three">
          <Figure label={t('board.communities')} value={n(s.communities)} testId="total-communities" />
          <Figure label={t('board.grids')} value={n(s.grids)} testId="total-grids" />
          <Figure label={t('board.compounds')} value={n(s.compounds)} testId="total-compounds" />
        </div>
      </section>
      <section className="board-section">
        <h3>
          {t('board.venues')} <span className="muted num">{n(s.venues)}</span>
        </h3>
        <div className="venue-counts">
          {venueTypes.map((v) => {
            const count = s.venuesByType[v.id] ?? 0;
            return (
              <div key={v.id} className={count ? 'venue-count' : 'venue-count zero'} data-testid={`venue-count-${v.id}`}>
                <span className="dot" style={{ background: `var(--color-venue-${v.id})` }} />
                <span className="grow">{venueTypeLabel(v.id, i18n.language)}</span>
                <span className="num">{n(count)}</span>
              </div>
            );
          })}
        </div>
      </section>
      <section className="board-section">
        <h3>{t('board.sampling')}</h3>
        <div className="figures two">
          <Figure label={t('board.teams')} value={n(s.teams)} unit={t('board.teamsUnit')} testId="total-teams" />
          <Figure label={t('board.teamMembers')} value={n(s.teamMembers)} unit={t('board.membersUnit')} testId="total-team-members" />
        </div>
      </section>
    </div>
  );
}

/**
 * Where the figures above come from (the population table, the register, typed), and where the register and the base
 * disagree: 不漏一户 starts with knowing which compounds to check.
 */
function PopulationSources({ summary }: { summary: StreetSummaryDto }) {
  const { t } = useTranslation();
  const used = populationSources.filter((k) => summary.populationSources[k] > 0);
  const m = summary.registerMismatch;
  if (used.length === 0) return null;
  return (
    <div className="population-sources">
      <div className="muted" data-testid="population-sources">
        {t('board.sources')}
        {t('errors.where.colon')}
        {used.map((k) => t('board.sourceCount', { source: t(`data.source.${k}`), n: n(summary.populationSources[k]) })).join(' · ')}
      </div>
      {m.compounds > 0 && (
        <div className="register-mismatch" data-testid="register-mismatch">
          {t('board.mismatch', { n: n(m.compounds), residents: n(m.residents), register: n(m.registerResidents) })}
        </div>
      )}
    </div>
  );
}

function Figure({ label, value, note, unit, testId }: { label: string; value: string; note?: string; unit?: string; testId: string }) {
  return (
    <div className="figure" data-testid={testId}>
      <div className="figure-label">{label}</div>
      <div className="figure-value">
        {value}
        {unit && <small>{unit}</small>}
        {note && <small className="muted"> {note}</small>}
      </div>
    </div>
  );
}
