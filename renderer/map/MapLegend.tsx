import { useTranslation } from 'react-i18next';
import { venueTypes, type VenueType } from '../../shared/domain/venues';
import type { LayerVisibility } from './layers';
import { venueTypeLabel } from './venueStyle';

export interface MapLegendProps {
  value: LayerVisibility;
  venueCounts: ReadonlyMap<VenueType, number>;
  colors: Record<VenueType, string>;
}

/** 图例: the symbols of the layers now shown, in the order of the venue type list. */
export function MapLegend({ value, venueCounts, colors }: MapLegendProps) {
  const { t, i18n } = useTranslation();
  const shown = venueTypes.filter((v) => venueCounts.has(v.id) && value.venueTypes.has(v.id));
  return (
    <div className="map-control map-legend" data-testid="map-legend">
      <div className="legend-title">{t('map.legend')}</div>
      {value.communities && (
        <div className="legend-row"><span className="swatch community" />{t('map.communityBoundary')}</div>
      )}
      {value.compounds && (
        <div className="legend-row"><span className="swatch compound" />{t('map.compoundBoundary')}</div>
      )}
      <div className="legend-venues">
        {shown.map((v) => (
          <div key={v.id} className="legend-row" data-testid={`legend-venue-${v.id}`}>
            <span className="dot" style={{ background: colors[v.id] }} />
            {venueTypeLabel(v.id, i18n.language)}
          </div>
        ))}
      </div>
    </div>
  );
}
