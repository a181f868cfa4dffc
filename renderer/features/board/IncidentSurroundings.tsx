import { useTranslation } from 'react-i18next';
import type { ReportDto, VenueNearDto } from '../../../shared/api/mode';
import { ErrorMessage } from '../../app/ErrorMessage';
import { venueTypeLabel } from '../../map/venueStyle';
import { useMapFocus } from '../../map/mapFocus';
import { useIncidentSurroundings } from './incidentQueries';
import { incidentBox } from './incidentBox';

const SHOWN = 10;
const n = (v: number) => v.toLocaleString('zh-CN');

/**
 * 疫情所在小区及周边: for each compound named by the reports, its residents, households and 60+, the key venues in it
 * and those within the set distance (设置 → 周边范围), nearest first. A report that is only a point lists what is
 * around the point.
 */
export function IncidentSurroundings({ reports }: { reports: ReportDto[] }) {
  const { t } = useTranslation();
  const q = useIncidentSurroundings();
  const focus = useMapFocus((s) => s.focus);
  const s = q.data;
  if (q.error) return <ErrorMessage error={q.error} />;
  if (!s) return null;
  const placeOf = (id: number) => reports.find((r) => r.id === id)?.place ?? `#${id}`;
  return (
    <section className="board-section incident-sites" data-testid="incident-sites">
      <h3>{t('board.incident.sites', { m: s.radiusM })}</h3>
      {s.sites.length === 0 && <div className="muted small">{t('board.incident.noSites')}</div>}
      {s.sites.map((site) => (
        <div key={site.key} className="incident-site" data-testid="incident-site">
          <div className="row nowrap">
            <strong className="grow">{site.compound ? site.compound.name : t('board.incident.pointSite', { place: placeOf(site.reportIds[0]) })}</strong>
            <button
              type="button"
              className="link small"
              data-testid="incident-site-focus"
              onClick={() => {
                const box = incidentBox(s, site.key);
                if (box) focus(box);
              }}
            >
              {t('board.incident.focus')}
            </button>
          </div>
          <div className="muted small">
            {site.compound ? `${site.compound.communityName} · ` : ''}
            {t('board.incident.reportCount', { count: site.reportIds.length })}
          </div>
          {site.compound && (
            <div className="figures three incident-figures">
              <Figure label={t('board.residents')} value={n(site.compound.residents)} testId="site-residents" />
              <Figure label={t('board.households')} value={n(site.compound.households)} testId="site-households" />
              <Figure label={t('board.elderly')} value={n(site.compound.elderly)} testId="site-elderly" />
            </div>
          )}
          {site.compound && <VenueList title={t('board.incident.insideTitle', { count: site.inside.length })} venues={site.inside} testId="site-inside" />}
          <VenueList title={t('board.incident.nearbyTitle', { m: s.radiusM, count: site.nearby.length })} venues={site.nearby} testId="site-nearby" />
        </div>
      ))}
      {s.unplaced.length > 0 && (
        <div className="warning-box small" data-testid="incident-unplaced">
          {t('board.incident.unplaced', { count: s.unplaced.length, places: s.unplaced.map(placeOf).join('、') })}
        </div>
      )}
    </section>
  );
}

function VenueList({ title, venues, testId }: { title: string; venues: VenueNearDto[]; testId: string }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="incident-venues" data-testid={testId}>
      <div className="small strong">{title}</div>
      {venues.length === 0 ? (
        <div className="muted small">{t('board.incident.none')}</div>
      ) : (
        <ul className="plain small">
          {venues.slice(0, SHOWN).map((v) => (
            <li key={v.id} className="row nowrap" data-testid="site-venue">
              <span className="dot" style={{ background: `var(--color-venue-${v.type})` }} />
              <span className="grow">{v.name}</span>
              <span className="muted">{venueTypeLabel(v.type, i18n.language)}</span>
              {v.distanceM > 0 && <span className="num">{t('board.incident.metres', { m: v.distanceM })}</span>}
            </li>
          ))}
          {venues.length > SHOWN && <li className="muted">{t('board.incident.more', { count: venues.length - SHOWN })}</li>}
        </ul>
      )}
    </div>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div>
      <div className="figure-label">{label}</div>
      <div className="figure-value" data-testid={testId}>{value}</div>
    </div>
  );
}

