import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VenueType } from '../../shared/domain/venues';
import type { LayerVisibility } from './layers';
import { venueTypeLabel } from './venueStyle';

export interface LayerSwitcherProps {
  value: LayerVisibility;
  onChange: (v: LayerVisibility) => void;
  venueCounts: ReadonlyMap<VenueType, number>;
  colors: Record<VenueType, string>;
  hasBaseMap: boolean;
  onFitStreet: () => void;
}

/** 图层: outlines, labels, base map and each venue type on or off. Collapsed to one button until opened. */
export function LayerSwitcher({ value, onChange, venueCounts, colors, hasBaseMap, onFitStreet }: LayerSwitcherProps) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const set = (patch: Partial<LayerVisibility>) => onChange({ ...value, ...patch });
  const toggleType = (type: VenueType, on: boolean) => {
    const next = new Set(value.venueTypes);
    if (on) next.add(type);
    else next.delete(type);
    set({ venueTypes: next });
  };
  const types = [...venueCounts.keys()];
  const check = (key: 'communities' | 'compounds' | 'labels' | 'baseMap', label: string, swatch?: string) => (
    <label className="layer-row">
      <input type="checkbox" checked={value[key]} onChange={(e) => set({ [key]: e.target.checked })} data-testid={`layer-${key}`} />
      {swatch && <span className={`swatch ${swatch}`} />}
      {label}
    </label>
  );

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
          {check('communities', t('map.communities'), 'community')}
          {check('compounds', t('map.compounds'), 'compound')}
          {check('labels', t('map.labels'))}
          {hasBaseMap && check('baseMap', t('map.baseMap'))}
          <div className="layer-group-head">
            <span>{t('map.venues')}</span>
            <button type="button" className="link" onClick={() => set({ venueTypes: new Set(types) })}>{t('map.all')}</button>
            <button type="button" className="link" onClick={() => set({ venueTypes: new Set() })}>{t('map.none')}</button>
          </div>
          {types.map((type) => (
            <label key={type} className="layer-row">
              <input type="checkbox" checked={value.venueTypes.has(type)} onChange={(e) => toggleType(type, e.target.checked)} data-testid={`layer-venue-${type}`} />
              <span className="dot" style={{ background: colors[type] }} />
              <span className="grow">{venueTypeLabel(type, i18n.language)}</span>
              <span className="num muted">{venueCounts.get(type)}</span>
            </label>
          ))}
        </div>
      )}
    </div>
  );
}
