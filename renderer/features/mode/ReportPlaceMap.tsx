import { useMemo } from 'react';
import type { MultiPolygon, Polygon } from 'geojson';
import { CircleMarker, useMapEvents } from 'react-leaflet';
import { StreetMap } from '../../map/StreetMap';
import { useMapOutlines } from '../../map/queries';
import { AreaIndex } from '../../../shared/domain/spatial';
import type { LngLat } from '../../../shared/api/mode';
import type { PickedCompound } from './CompoundPicker';

/**
 * The street map in the report form: a click puts the report's point there and names the compound that holds it
 * (flatbush candidates, turf's exact test; the server checks the same again). The point shows as a red ring.
 */
export function ReportPlaceMap({ point, onPick }: { point: LngLat | null; onPick: (p: LngLat, compound: PickedCompound | null) => void }) {
  const outlines = useMapOutlines();
  const index = useMemo(() => {
    if (!outlines.data) return null;
    const communityNames = new Map(outlines.data.communities.features.map((f) => [Number(f.properties?.id), String(f.properties?.name ?? '')]));
    return new AreaIndex<PickedCompound>(
      outlines.data.compounds.features
        .filter((f) => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon')
        .map((f) => ({
          key: { id: Number(f.properties?.id), name: String(f.properties?.name ?? ''), communityName: communityNames.get(Number(f.properties?.communityId)) ?? '' },
          geometry: f.geometry as Polygon | MultiPolygon,
        })),
    );
  }, [outlines.data]);
  return (
    <div className="report-place-map" data-testid="report-place-map">
      <StreetMap>
        <ClickToPick onPick={(p) => onPick(p, index?.locate(p.lng, p.lat) ?? null)} />
        {point && <CircleMarker center={[point.lat, point.lng]} radius={9} className="report-point-picked" interactive={false} />}
      </StreetMap>
    </div>
  );
}

function ClickToPick({ onPick }: { onPick: (p: LngLat) => void }) {
  useMapEvents({
    click(e) {
      // Five decimals: about a metre, more than a click can mean.
      onPick({ lng: Math.round(e.latlng.lng * 1e5) / 1e5, lat: Math.round(e.latlng.lat * 1e5) / 1e5 });
    },
  });
  return null;
}
