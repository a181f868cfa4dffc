import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mapLayers, type MapLayerDef, type MapLayerItem } from './layerRegistry';
import { useItemOn, useLayerOn, useLayerVisibility } from './layerVisibility';
import { LegendSwatchMark } from './LegendSwatchMark';
import { useLayerAvailable } from './useLayerAvailable';

/** 图层: every registered layer on or off (a layer with items: each item). Collapsed to one button until opened. */
export function LayerSwitcher({ onFitStreet }: { onFitStreet: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <div className="map-control layer-switcher" data-testid="layer-switcher">
      <div className="row">
        <button type="button" onClick={() => setOpen(!open)} aria-expanded={open} data-testid="layer-switcher-toggle">
          {t('map.layers')} {open ? '▴' : '▾'}
        </button>
        <button type="button" onClick={onFitStreet} title={t('map.fitStreetHint')}>{t('map.fitStreet')}</button>
      </div>
      {open && (
        <div className="layer-list">
          {mapLayers().map((def) => (def.useItems ? <LayerItemGroup key={def.id} def={def} useItems={def.useItems} /> : <LayerSwitch key={def.id} def={def} />))}
        </div>
      )}
    </div>
  );
}

function LayerSwitch({ def }: { def: MapLayerDef }) {
  const { t } = useTranslation();
  const on = useLayerOn(def.id);
  const setLayer = useLayerVisibility((s) => s.setLayer);
  if (!useLayerAvailable(def)) return null;
  const swatch = def.legend?.[0]?.swatch;
  return (
    <label className="layer-row">
      <input type="checkbox" checked={on} onChange={(e) => setLayer(def.id, e.target.checked)} data-testid={`layer-${def.id}`} />
      {swatch && <LegendSwatchMark swatch={swatch} />}
      {t(def.labelKey)}
    </label>
  );
}

/** A layer switched item by item (venue types): a heading with "all" and "none", then one row per item with its count. */
function LayerItemGroup({ def, useItems }: { def: MapLayerDef; useItems: () => readonly MapLayerItem[] }) {
  const { t } = useTranslation();
  const items = useItems();
  const setItems = useLayerVisibility((s) => s.setItems);
  if (!useLayerAvailable(def)) return null;
  const ids = items.map((i) => i.id);
  return (
    <>
      <div className="layer-group-head">
        <span>{t(def.labelKey)}</span>
        <button type="button" className="link" onClick={() => setItems(ids, true)}>{t('map.all')}</button>
        <button type="button" className="link" onClick={() => setItems(ids, false)}>{t('map.none')}</button>
      </div>
      {items.map((item) => (
        <ItemSwitch key={item.id} item={item} />
      ))}
    </>
  );
}

function ItemSwitch({ item }: { item: MapLayerItem }) {
  const on = useItemOn(item.id);
  const setItems = useLayerVisibility((s) => s.setItems);
  return (
    <label className="layer-row">
      <input type="checkbox" checked={on} onChange={(e) => setItems([item.id], e.target.checked)} data-testid={`layer-${item.id}`} />
      <LegendSwatchMark swatch={item.swatch} />
      <span className="grow">{item.label}</span>
      {item.count !== undefined && <span className="num muted">{item.count}</span>}
    </label>
  );
}
