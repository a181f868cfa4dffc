import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type L from 'leaflet';
import { GeoJSON } from 'react-leaflet';
import { useApiQuery } from '../../app/queries';
import { registerMapLayer, type LegendSwatch, type MapLayerItem } from '../../map/layerRegistry';
import { useLayerVisibility } from '../../map/layerVisibility';
import type { RiskAreaDto, RiskLevelDtoKey } from '../../../shared/api/risk-areas';
import { useRiskDraft } from './draftStore';
import { levelLabel } from './names';

/**
 * 风险区 on the street map (board and risk-area screen): active areas filled in their level's colour (high red,
 * medium amber; low is the rest of the district and is not drawn), the selected one stressed, the one being redrawn
 * left to the editor. One switch and one legend row per level the active profile draws.
 */

/** The legend symbol of a level, from the same variables as the paths (risk-areas.css). */
export function riskSwatch(level: RiskLevelDtoKey): LegendSwatch {
  return { kind: 'area', stroke: `--color-risk-${level}`, fill: `--color-risk-${level}-fill`, strokeWidth: 2.5 };
}

const itemId = (level: RiskLevelDtoKey) => `risk-${level}`;

function useActiveAreas() {
  return useApiQuery('listRiskAreas', {});
}

function useRiskItems(): readonly MapLayerItem[] {
  const { i18n } = useTranslation();
  const list = useActiveAreas().data;
  return useMemo(() => {
    if (!list) return [];
    return list.levels
      .filter((l) => l.drawable)
      .map((l) => ({
        id: itemId(l.key),
        label: levelLabel(l.key, list.levels, i18n.language, l.name),
        swatch: riskSwatch(l.key),
        count: list.areas.filter((a) => a.level === l.key).length,
      }));
  }, [list, i18n.language]);
}

function RiskAreaPaths() {
  const list = useActiveAreas();
  const editing = useRiskDraft((s) => s.editingAreaId);
  const selected = useRiskDraft((s) => s.selectedId);
  const hidden = useLayerVisibility((s) => s.hiddenItems);
  const areas = list.data?.areas;
  const data = useMemo<FeatureCollection | null>(() => {
    if (!areas) return null;
    // Lower levels first, so a high area overlapping a medium one is drawn on top.
    const rank: Record<RiskLevelDtoKey, number> = { low: 0, medium: 1, high: 2 };
    const shown = areas
      .filter((a) => a.status !== 'lifted' && a.status !== 'revoked' && a.id !== editing && !hidden.has(itemId(a.level)))
      .sort((a, b) => rank[a.level] - rank[b.level]);
    return { type: 'FeatureCollection', features: shown.map(toFeature) };
  }, [areas, editing, hidden]);
  if (!data || data.features.length === 0) return null;
  const styleOf = (f?: Feature) => styleFor(f?.properties as AreaProps | undefined, selected);
  // Remount when areas, the selection or the switches change: react-leaflet's GeoJSON does not follow new data.
  const key = `${list.dataUpdatedAt}-${selected}-${data.features.map((f) => f.id).join(',')}`;
  return <GeoJSON key={key} data={data} style={styleOf} />;
}

interface AreaProps {
  id: number;
  level: RiskLevelDtoKey;
  status: RiskAreaDto['status'];
  name: string;
}

function toFeature(a: RiskAreaDto): Feature {
  const props: AreaProps = { id: a.id, level: a.level, status: a.status, name: a.name };
  return { type: 'Feature', id: a.id, properties: props as unknown as Record<string, unknown>, geometry: a.geometry as Geometry };
}

// Colours live in risk-areas.css (.risk-area-high ...). Not interactive: clicks go through to the compounds below
// (picking) and hovering still shows a compound's figures. A delineated, unpublished area is dashed.
function styleFor(p: AreaProps | undefined, selected: number | null): L.PathOptions {
  if (!p) return {};
  const classes = ['risk-area', `risk-area-${p.level}`];
  if (p.status === 'delineated') classes.push('risk-area-unpublished');
  if (p.id === selected) classes.push('risk-area-selected');
  return { className: classes.join(' '), weight: p.id === selected ? 4 : 2.5, fill: true, fillOpacity: 1, interactive: false };
}

registerMapLayer({
  id: 'risk-areas',
  // Above the outlines (10-20), below names (30), base map (40) and venues (50).
  order: 25,
  labelKey: 'risk.map.layer',
  defaultVisible: true,
  useAvailable: () => (useActiveAreas().data?.levels.length ?? 0) > 0,
  useItems: useRiskItems,
  Component: RiskAreaPaths,
});
