import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import L from 'leaflet';
import type { FeatureCollection, Geometry } from 'geojson';
import { GeoJSON, useMap } from 'react-leaflet';
import '../../map/geoman';
import { useMapOutlines } from '../../map/queries';
import type { AreaGeometry } from '../../../shared/api/common';
import { useRiskDraft } from './draftStore';
import { compoundAt } from './pickGeometry';

/**
 * The drawing tools on the street map, rendered inside StreetMap on the risk-area screen. leaflet-geoman is driven
 * directly through `useMap()` (map.pm, layer.pm), and everything it adds is taken off again when a tool ends or the
 * screen unmounts. Self-crossing shapes are refused while drawing and while dragging a vertex
 * (allowSelfIntersection: false); vertices snap to compound outlines (and to the other areas' edges).
 */
export function RiskAreaEditor() {
  const map = useMap();
  const { i18n } = useTranslation();
  useEffect(() => {
    map.pm.setLang(i18n.language.startsWith('zh') ? 'zh' : 'en');
    map.pm.setGlobalOptions(editOptions);
  }, [map, i18n.language]);
  return (
    <>
      <DrawTool />
      <PickTool />
      <EditableShape />
      <PickedCompounds />
    </>
  );
}

/** Snapping and the crossing check, for drawing and for vertex editing alike. */
const editOptions: L.PM.GlobalOptions = {
  allowSelfIntersection: false,
  snappable: true,
  snapDistance: 14,
};

/** Styles of the unsaved shape: CSS classes (risk-areas.css), so colours stay semantic variables. */
const draftPath: L.PathOptions = { className: 'risk-draft', weight: 2.5, fillOpacity: 1 };
const drawStyles: L.PM.DrawModeOptions = {
  ...editOptions,
  pathOptions: draftPath,
  templineStyle: { className: 'risk-draft-line' },
  hintlineStyle: { className: 'risk-draft-hint', dashArray: '5,5' },
  continueDrawing: false,
  finishOnEnter: true,
};

/** Name labels (divIcon markers) are no snap targets; geoman reads `snapIgnore` when a drag or draw starts. */
function ignoreLabelsForSnapping(map: L.Map) {
  map.eachLayer((layer) => {
    if (layer instanceof L.Marker && !layer.options.snapIgnore && String(layer.options.icon?.options.className ?? '').includes('map-label')) {
      layer.options.snapIgnore = true;
    }
  });
}

function DrawTool() {
  const map = useMap();
  const { t } = useTranslation();
  const tool = useRiskDraft((s) => s.tool);
  useEffect(() => {
    if (tool !== 'polygon' && tool !== 'rectangle') return;
    ignoreLabelsForSnapping(map);
    const onCreate = (e: { layer: L.Layer }) => {
      const geometry = (e.layer as L.Polygon).toGeoJSON().geometry as AreaGeometry;
      // The editable copy is EditableShape's own layer; geoman's finished one goes.
      map.removeLayer(e.layer);
      useRiskDraft.getState().setShape(geometry);
    };
    // Drawing stopped for another reason (Esc, the tool's button again): the tool is off.
    const onDrawEnd = () => {
      if (useRiskDraft.getState().tool === tool) useRiskDraft.getState().setTool('none');
    };
    const onIntersect = () => useRiskDraft.getState().notify(t('risk.draw.crossing'));
    map.on('pm:create', onCreate);
    map.on('pm:drawend', onDrawEnd);
    map.on('pm:intersect', onIntersect);
    map.pm.enableDraw(tool === 'polygon' ? 'Polygon' : 'Rectangle', drawStyles);
    return () => {
      map.off('pm:create', onCreate);
      map.off('pm:drawend', onDrawEnd);
      map.off('pm:intersect', onIntersect);
      map.pm.disableDraw();
    };
  }, [map, tool, t]);
  return null;
}

/** Pick mode: a click on a compound adds it to the picks or takes it out. */
function PickTool() {
  const map = useMap();
  const outlines = useMapOutlines();
  const tool = useRiskDraft((s) => s.tool);
  const compounds = outlines.data?.compounds;
  useEffect(() => {
    if (tool !== 'pick' || !compounds) return;
    const onClick = (e: L.LeafletMouseEvent) => {
      const hit = compoundAt(compounds, [e.latlng.lng, e.latlng.lat]);
      const id = hit?.properties?.id;
      if (typeof id === 'number') useRiskDraft.getState().togglePicked(id);
    };
    const container = map.getContainer();
    container.classList.add('risk-picking');
    map.on('click', onClick);
    return () => {
      map.off('click', onClick);
      container.classList.remove('risk-picking');
    };
  }, [map, tool, compounds]);
  return null;
}

/**
 * The unsaved shape as a geoman-editable polygon: vertex editing (drag, add on an edge's middle marker, remove with
 * a right click) or moving the whole shape. Every change goes to the draft store at once, stamped with its time, so
 * the panel's figures follow the drag.
 */
function EditableShape() {
  const map = useMap();
  const { t } = useTranslation();
  const shapeKey = useRiskDraft((s) => s.shapeKey);
  const shapeMode = useRiskDraft((s) => s.shapeMode);
  const hasShape = useRiskDraft((s) => s.geometry !== null);

  useEffect(() => {
    const geometry = useRiskDraft.getState().geometry;
    if (!geometry) return;
    ignoreLabelsForSnapping(map);
    const depth = geometry.type === 'Polygon' ? 1 : 2;
    const layer = L.polygon(L.GeoJSON.coordsToLatLngs(geometry.coordinates, depth) as L.LatLng[][], draftPath).addTo(map);
    const read = () => useRiskDraft.getState().editShape(layer.toGeoJSON().geometry as AreaGeometry, performance.now());
    layer.on('pm:markerdrag pm:markerdragend pm:edit pm:vertexadded pm:vertexremoved pm:drag pm:dragend', read);
    layer.on('pm:intersect', () => useRiskDraft.getState().notify(t('risk.draw.crossing')));
    (layer as unknown as { _riskShape: true })._riskShape = true;
    return () => {
      layer.pm.disable();
      layer.pm.disableLayerDrag();
      layer.off();
      layer.remove();
    };
  }, [map, shapeKey, t]);

  useEffect(() => {
    if (!hasShape) return;
    const layer = findShapeLayer(map);
    if (!layer) return;
    if (shapeMode === 'move') {
      layer.pm.disable();
      layer.pm.enableLayerDrag();
    } else {
      layer.pm.disableLayerDrag();
      layer.pm.enable({ ...editOptions, draggable: false, preventMarkerRemoval: false });
    }
  }, [map, shapeKey, shapeMode, hasShape]);
  return null;
}

function findShapeLayer(map: L.Map): L.Polygon | null {
  let found: L.Polygon | null = null;
  map.eachLayer((layer) => {
    if ((layer as unknown as { _riskShape?: true })._riskShape) found = layer as L.Polygon;
  });
  return found;
}

const pickedStyle: L.PathOptions = { className: 'risk-picked', weight: 1.5, fillOpacity: 1, interactive: false };
const unionStyle: L.PathOptions = { className: 'risk-draft', weight: 2.5, interactive: false, fill: false };
const pickedStyleOf = () => pickedStyle;
const unionStyleOf = () => unionStyle;

/** The picked compounds filled, and the outline of their union as the server made it. */
function PickedCompounds() {
  const outlines = useMapOutlines();
  const union = useRiskDraft((s) => s.union);
  const picked = useRiskDraft((s) => s.picked);
  const compounds = outlines.data?.compounds;
  const data = useMemo<FeatureCollection | null>(() => {
    if (!compounds || picked.length === 0) return null;
    const chosen = new Set(picked);
    return { type: 'FeatureCollection', features: compounds.features.filter((f) => chosen.has(Number(f.properties?.id))) };
  }, [compounds, picked]);
  const unionData = useMemo<FeatureCollection | null>(
    () => (union && picked.length ? { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: union as Geometry }] } : null),
    [union, picked.length],
  );
  return (
    <>
      {/* The key remounts the layer when the picks change: react-leaflet's GeoJSON does not follow new data. */}
      {data && <GeoJSON key={picked.join(',')} data={data} style={pickedStyleOf} snapIgnore pmIgnore />}
      {unionData && <GeoJSON key={JSON.stringify(union).length + picked.join(',')} data={unionData} style={unionStyleOf} snapIgnore pmIgnore />}
    </>
  );
}
