import { useTranslation } from 'react-i18next';
import { mapLayers, type MapLayerDef, type MapLayerItem } from './layerRegistry';
import { useItemOn, useLayerOn } from './layerVisibility';
import { LegendSwatchMark } from './LegendSwatchMark';
import { useLayerAvailable } from './useLayerAvailable';

/** 图例: the symbols of the layers now shown, in layer order; a layer's items in a two-column grid. */
export function MapLegend() {
  const { t } = useTranslation();
  return (
    <div className="map-control map-legend" data-testid="map-legend">
      <div className="legend-title">{t('map.legend')}</div>
      {mapLayers().map((def) => (
        <LayerLegend key={def.id} def={def} />
      ))}
    </div>
  );
}

function LayerLegend({ def }: { def: MapLayerDef }) {
  const { t } = useTranslation();
  const on = useLayerOn(def.id);
  if (!useLayerAvailable(def) || !on) return null;
  return (
    <>
      {def.legend?.map((entry) => (
        <div key={entry.labelKey} className="legend-row" data-testid={`legend-${def.id}`}>
          <LegendSwatchMark swatch={entry.swatch} />
          {t(entry.labelKey)}
        </div>
      ))}
      {def.useItems && <ItemsLegend useItems={def.useItems} />}
    </>
  );
}

function ItemsLegend({ useItems }: { useItems: () => readonly MapLayerItem[] }) {
  const items = useItems();
  return (
    <div className="legend-items">
      {items.map((item) => (
        <ItemLegend key={item.id} item={item} />
      ))}
    </div>
  );
}

function ItemLegend({ item }: { item: MapLayerItem }) {
  if (!useItemOn(item.id)) return null;
  return (
    <div className="legend-row" data-testid={`legend-${item.id}`}>
      <LegendSwatchMark swatch={item.swatch} />
      {item.label}
    </div>
  );
}
