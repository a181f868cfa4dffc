import type { Feature, FeatureCollection } from 'geojson';
import type L from 'leaflet';
import { GeoJSON } from 'react-leaflet';
import { useTranslation } from 'react-i18next';
import { registerMapLayer, type LegendSwatch } from './layerRegistry';
import { useMapOutlines } from './queries';

// Colours and widths live in map.css (.outline-community / .outline-compound, from --color-community / --color-compound).
const communityStyle: L.PathOptions = { className: 'outline-community', weight: 2.5, fill: true, fillOpacity: 1, interactive: false };
const compoundStyle: L.PathOptions = { className: 'outline-compound', weight: 1, fill: true, fillOpacity: 1 };
// Stable functions: react-leaflet restyles the layer whenever the style prop changes identity.
const communityStyleOf = () => communityStyle;
const compoundStyleOf = () => compoundStyle;

/** Legend symbols of the two outline kinds, from the same variables as the paths (map.css). */
export const communitySwatch: LegendSwatch = { kind: 'area', stroke: '--color-community', fill: '--color-community-fill', strokeWidth: 2.5 };
export const compoundSwatch: LegendSwatch = { kind: 'area', stroke: '--color-compound', fill: '--color-compound-fill', strokeWidth: 1 };

export function CommunityOutlines({ data }: { data: FeatureCollection }) {
  return <GeoJSON data={data} style={communityStyleOf} />;
}

/** Compound outlines; hovering one shows its name and population base. */
export function CompoundOutlines({ data }: { data: FeatureCollection }) {
  const { t } = useTranslation();
  const bind = (feature: Feature, layer: L.Layer) => {
    const p = feature.properties ?? {};
    const el = document.createElement('div');
    const name = document.createElement('strong');
    name.textContent = String(p.name ?? '');
    const counts = document.createElement('div');
    counts.textContent = t('map.compoundTip', { residents: num(p.residents), households: num(p.households), elderly: num(p.elderly) });
    el.append(name, counts);
    layer.bindTooltip(el, { sticky: true, className: 'compound-tooltip', direction: 'top', offset: [0, -8] });
  };
  return <GeoJSON data={data} style={compoundStyleOf} onEachFeature={bind} />;
}

function num(v: unknown): string {
  return typeof v === 'number' ? v.toLocaleString('zh-CN') : '—';
}

// react-leaflet's GeoJSON does not follow a new `data` prop: the key remounts it when the outlines were refetched.
registerMapLayer({
  id: 'communities',
  order: 10,
  labelKey: 'map.communities',
  legend: [{ labelKey: 'map.communityBoundary', swatch: communitySwatch }],
  defaultVisible: true,
  Component: function CommunityOutlineLayer() {
    const outlines = useMapOutlines();
    return outlines.data ? <CommunityOutlines key={outlines.dataUpdatedAt} data={outlines.data.communities} /> : null;
  },
});

registerMapLayer({
  id: 'compounds',
  order: 20,
  labelKey: 'map.compounds',
  legend: [{ labelKey: 'map.compoundBoundary', swatch: compoundSwatch }],
  defaultVisible: true,
  Component: function CompoundOutlineLayer() {
    const outlines = useMapOutlines();
    return outlines.data ? <CompoundOutlines key={outlines.dataUpdatedAt} data={outlines.data.compounds} /> : null;
  },
});
