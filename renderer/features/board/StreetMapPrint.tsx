import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeatureCollection } from 'geojson';
import { ErrorMessage } from '../../app/ErrorMessage';
import { useMapOutlines } from '../../map/queries';
import { PrintLayout } from '../../print/PrintLayout';
import { PrintMapExcerpt } from '../../print/PrintMapExcerpt';
import type { PrintViewProps } from '../../print/printRegistry';

/**
 * 街道图 on A4 landscape: the street's communities and compounds with their names, a legend and a scale, for the
 * command room's wall or a briefing folder. `?community=<code>` stresses one community and fits the map to it.
 */
export function StreetMapPrint({ params }: PrintViewProps) {
  const { t } = useTranslation();
  const outlines = useMapOutlines();
  const data = outlines.data;
  const code = params.get('community');
  const community = code && data ? data.communities.features.find((f) => f.properties?.code === code) : undefined;
  const highlight = useMemo<FeatureCollection | undefined>(
    () => (community ? { type: 'FeatureCollection', features: [community] } : undefined),
    [community],
  );
  const communityName = community ? String(community.properties?.name ?? code) : '';
  const subtitle = data
    ? community
      ? communityName
      : t('print.streetMap.subStreet', { communities: data.communities.features.length, compounds: data.compounds.features.length })
    : undefined;

  return (
    <PrintLayout subtitle={subtitle} ready={!!data} backTo="/board">
      <ErrorMessage error={outlines.error} />
      {code && data && !community && <div className="error-box">{t('print.streetMap.noCommunity', { code })}</div>}
      {/* Rendered with the data it shows, so it holds the page back from the first commit (printParts.ts). */}
      {data && <PrintMapExcerpt street={data} highlight={highlight} highlightLabel={communityName} height="136mm" />}
    </PrintLayout>
  );
}
