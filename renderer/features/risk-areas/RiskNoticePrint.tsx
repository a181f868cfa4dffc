import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeatureCollection, Geometry } from 'geojson';
import { ErrorMessage } from '../../app/ErrorMessage';
import { useApiQuery } from '../../app/queries';
import { useMapOutlines } from '../../map/queries';
import { formatDate, formatDateTime } from '../../../shared/domain/shanghai-time';
import { PrintLayout } from '../../print/PrintLayout';
import { PrintMapExcerpt } from '../../print/PrintMapExcerpt';
import type { PrintViewProps } from '../../print/printRegistry';
import type { RiskAreaDetailDto, RiskLevelDtoKey } from '../../../shared/api/risk-areas';
import { levelLabel } from './names';
import { roadsOf } from './pickGeometry';
import './risk-areas.css';

/**
 * 风险区通告 (A4 portrait, `#/print/risk-notice?id=<area>`) and the matching 解除通告 (`#/print/risk-lift-notice?id=`):
 * issuing unit, area name, the compounds and roads it covers, level, measures, time of effect, and a map excerpt with
 * the area in its level's colour, legend and scale. The page is ready once the excerpt is drawn (PrintMapExcerpt).
 */
export function RiskNoticePrint({ params, kind }: PrintViewProps & { kind: 'notice' | 'lift' }) {
  const { t } = useTranslation();
  const id = Number(params.get('id'));
  const valid = Number.isInteger(id) && id > 0;
  const detail = useApiQuery('getRiskArea', { id: valid ? id : 1 }, { enabled: valid });
  const outlines = useMapOutlines();
  const info = useApiQuery('getAppInfo', {});
  const area = detail.data;
  const unit = info.data?.settings.unitName || info.data?.street?.name || '';
  const highlight = useMemo<FeatureCollection | undefined>(
    () => (area ? { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: area.name }, geometry: area.geometry as Geometry }] } : undefined),
    [area],
  );
  const levelName = useLevelName();
  const ready = !valid || !!detail.error || (!!area && !!outlines.data);

  return (
    <PrintLayout subtitle={area ? area.name : undefined} ready={ready} backTo="/risk">
      {!valid && <div className="error-box">{t('print.risk.noArea')}</div>}
      <ErrorMessage error={detail.error ?? outlines.error} />
      {area && outlines.data && (
        <>
          {kind === 'notice' ? <NoticeBody area={area} /> : <LiftBody area={area} />}
          <div className={`risk-print-map print-risk-${kind === 'lift' ? 'lifted' : area.level}`}>
            <PrintMapExcerpt
              street={outlines.data}
              highlight={highlight}
              highlightLabel={kind === 'lift' ? t('print.risk.formerArea', { level: levelName(area.drawnLevel) }) : area.levelName}
              height="105mm"
            />
          </div>
          <div className="risk-print-sign" data-testid="print-issuer">
            <div>{unit}</div>
            <div>{formatDate(kind === 'lift' ? area.endedAt ?? area.delineatedAt : area.publishedAt ?? area.delineatedAt)}</div>
          </div>
        </>
      )}
    </PrintLayout>
  );
}

/** A level's name: the profile's (listRiskAreas), or the app's own words once the emergency is over. */
function useLevelName() {
  const { t, i18n } = useTranslation();
  const list = useApiQuery('listRiskAreas', { includeEnded: true });
  return (level: RiskLevelDtoKey) => levelLabel(level, list.data?.levels ?? [], i18n.language, t(`risk.level.${level}`));
}

function CoverTable({ area, effect, level }: { area: RiskAreaDetailDto; effect: string; level: ReactNode }) {
  const { t } = useTranslation();
  const compounds = area.stats.compounds.filter((c) => c.counted || c.split);
  const roads = roadsOf(area.stats.venues.map((v) => v.address));
  return (
    <table className="risk-print-table" data-testid="print-cover">
      <tbody>
        <tr>
          <th>{t('print.risk.areaName')}</th>
          <td>{area.name}</td>
        </tr>
        <tr>
          <th>{t('print.risk.level')}</th>
          <td>
            {level}
          </td>
        </tr>
        <tr>
          <th>{t('print.risk.compounds')}</th>
          <td>
            {compounds.length === 0
              ? t('print.risk.noCompounds')
              : compounds.map((c) => (c.split ? t('print.risk.partOf', { name: c.name }) : c.name)).join('、')}
          </td>
        </tr>
        <tr>
          <th>{t('print.risk.roads')}</th>
          <td>{roads.length ? roads.join('、') : '—'}</td>
        </tr>
        <tr>
          <th>{t('print.risk.effect')}</th>
          <td>{effect}</td>
        </tr>
      </tbody>
    </table>
  );
}

function NoticeBody({ area }: { area: RiskAreaDetailDto }) {
  const { t } = useTranslation();
  const published = area.publishedAt !== null;
  const effect = published ? t('print.risk.effectFrom', { at: formatDateTime(area.publishedAt!) }) : t('print.risk.effectOnPublish');
  return (
    <>
      {!published && <div className="risk-print-draft" data-testid="print-draft">{t('print.risk.draft')}</div>}
      {(area.status === 'revoked' || area.status === 'lifted') && <div className="risk-print-draft">{t('print.risk.ended', { status: t(`risk.status.${area.status}`) })}</div>}
      <p className="risk-print-lead">{t('print.risk.lead', { name: area.name, level: area.levelName })}</p>
      <CoverTable area={area} effect={effect} level={<span className={`risk-print-level risk-${area.level}`}>{area.levelName}</span>} />
      <h2>{t('print.risk.measures')}</h2>
      <ol className="risk-print-measures" data-testid="print-measures">
        {area.measures.map((m) => (
          <li key={m}>{m}</li>
        ))}
        {area.stats.venuesToSuspend.length > 0 && (
          <li>{t('print.risk.suspend', { venues: area.stats.venuesToSuspend.map((v) => v.name).join('、') })}</li>
        )}
      </ol>
      <p>{t('print.risk.cooperate')}</p>
    </>
  );
}

function LiftBody({ area }: { area: RiskAreaDetailDto }) {
  const { t } = useTranslation();
  const levelName = useLevelName();
  if (area.status !== 'lifted' || area.endedAt === null) {
    return <div className="error-box" data-testid="print-not-lifted">{t('print.risk.notLifted', { name: area.name, status: t(`risk.status.${area.status}`) })}</div>;
  }
  const effect = t('print.risk.effectFrom', { at: formatDateTime(area.endedAt) });
  return (
    <>
      <p className="risk-print-lead">{t('print.risk.liftLead', { name: area.name, level: levelName(area.drawnLevel) })}</p>
      <CoverTable area={area} effect={effect} level={t('print.risk.liftedFrom', { level: levelName(area.drawnLevel) })} />
      <p>{t('print.risk.liftBody', { name: area.name, at: formatDateTime(area.endedAt) })}</p>
      <p>{t('print.risk.liftKeep')}</p>
    </>
  );
}
