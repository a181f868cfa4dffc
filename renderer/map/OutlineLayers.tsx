import type { Feature, FeatureCollection } from 'geojson';
import L from 'leaflet';
import { GeoJSON, useMap } from 'react-leaflet';
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

/**
 * Compound outlines; hovering one shows its name and population base, clicking it opens its details (community,
 * code, residents, households, 60+, buildings) with a link to its row in the street data.
 */
export function CompoundOutlines({ data, communities }: { data: FeatureCollection; communities?: FeatureCollection }) {
  const { t } = useTranslation();
  const map = useMap();
  const communityName = new Map((communities?.features ?? []).map((f) => [f.properties?.id, String(f.properties?.name ?? '')]));
  const bind = (feature: Feature, layer: L.Layer) => {
    const p = feature.properties ?? {};
    const el = document.createElement('div');
    const name = document.createElement('strong');
    name.textContent = String(p.name ?? '');
    const counts = document.createElement('div');
    counts.textContent = t('map.compoundTip', { residents: num(p.residents), households: num(p.households), elderly: num(p.elderly) });
    el.append(name, counts);
    layer.bindTooltip(el, { sticky: true, className: 'compound-tooltip', direction: 'top', offset: [0, -8] });
    // A map popup opened on click, not bindPopup: that one stops the click from reaching the map, and the venue layer
    // (VenueCanvas) opens a venue's card from the map's click, which then replaces this one when a venue was hit.
    layer.on('click', (e: L.LeafletMouseEvent) => {
      // While a risk area is drawn or edited (leaflet-geoman), a click places a vertex, not a popup.
      const pm = (map as unknown as { pm?: { globalDrawModeEnabled?: () => boolean; globalEditModeEnabled?: () => boolean } }).pm;
      if (pm?.globalDrawModeEnabled?.() || pm?.globalEditModeEnabled?.()) return;
      layer.closeTooltip();
      L.popup({ className: 'compound-popup', maxWidth: 320 })
        .setLatLng(e.latlng)
        .setContent(compoundDetails(p, communityName.get(p.communityId) ?? '', t))
        .openOn(map);
    });
  };
  return <GeoJSON data={data} style={compoundStyleOf} onEachFeature={bind} />;
}

function compoundDetails(p: Record<string, unknown>, community: string, t: (key: string, o?: Record<string, unknown>) => string): HTMLElement {
  const el = document.createElement('div');
  el.dataset.testid = 'compound-details';
  const title = document.createElement('div');
  const name = document.createElement('strong');
  name.textContent = String(p.name ?? '');
  title.append(name, document.createTextNode(p.code ? ` (${String(p.code)})` : ''));
  const rows: [string, string][] = [
    [t('map.details.community'), community || '—'],
    [t('map.details.residents'), num(p.residents)],
    [t('map.details.households'), num(p.households)],
    [t('map.details.elderly'), num(p.elderly)],
  ];
  if (typeof p.buildings === 'number') rows.push([t('map.details.buildings'), num(p.buildings)]);
  const dl = document.createElement('dl');
  dl.className = 'compound-details';
  for (const [k, v] of rows) {
    const dt = document.createElement('dt');
    dt.textContent = k;
    const dd = document.createElement('dd');
    dd.textContent = v;
    dl.append(dt, dd);
  }
  const link = document.createElement('a');
  link.href = typeof p.communityId === 'number' ? `#/data/compounds?community=${p.communityId}` : '#/data/compounds';
  link.textContent = t('map.details.open');
  el.append(title, dl, link);
  return el;
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
    return outlines.data ? <CompoundOutlines key={outlines.dataUpdatedAt} data={outlines.data.compounds} communities={outlines.data.communities} /> : null;
  },
});
