// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import '../../renderer/i18n';
import { LayerSwitcher } from '../../renderer/map/LayerSwitcher';
import { MapLegend } from '../../renderer/map/MapLegend';
import { mapLayers, registerMapLayer } from '../../renderer/map/layerRegistry';
import { useLayerVisibility } from '../../renderer/map/layerVisibility';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
function render(node: React.ReactNode) {
  const el = document.createElement('div');
  document.body.append(el);
  root = createRoot(el);
  act(() => root!.render(node));
  return el;
}
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
});

const click = (el: Element | null) => act(() => (el as HTMLElement).click());

// What a feature would write in its own folder: a layer with a legend symbol, one with items, one not available.
beforeAll(() => {
  registerMapLayer({
    id: 'riskAreas',
    order: 25,
    labelKey: 'map.compounds',
    legend: [{ labelKey: 'map.compoundBoundary', swatch: { kind: 'area', stroke: '--color-risk-high', fill: '--color-danger-bg', strokeWidth: 2 } }],
    defaultVisible: true,
    Component: () => null,
  });
  registerMapLayer({
    id: 'sites',
    order: 60,
    labelKey: 'map.venues',
    defaultVisible: true,
    useItems: () => [
      { id: 'site-fixed', label: '固定采样点', swatch: { kind: 'dot', color: '--color-ok' }, count: 3 },
      { id: 'site-mobile', label: '流动采样点', swatch: { kind: 'dot', color: '--color-warning' }, count: 5 },
    ],
    Component: () => null,
  });
  registerMapLayer({ id: 'hidden', order: 5, labelKey: 'map.baseMap', defaultVisible: true, useAvailable: () => false, Component: () => null });
});

describe('map layer registry: switcher and legend come from the registered layers', () => {
  test('layers are kept in their order, and an id registered twice fails at start', () => {
    expect(mapLayers().map((l) => l.id)).toEqual(['hidden', 'riskAreas', 'sites']);
    expect(() => registerMapLayer({ id: 'sites', order: 1, labelKey: 'x', defaultVisible: true, Component: () => null })).toThrow(/registered twice/);
  });

  test('a registered layer gets a switch with its symbol and a legend row; switching it off removes the row', () => {
    const el = render(<><LayerSwitcher onFitStreet={() => {}} /><MapLegend /></>);
    click(el.querySelector('[data-testid="layer-switcher-toggle"]'));
    const box = el.querySelector<HTMLInputElement>('[data-testid="layer-riskAreas"]')!;
    expect(box.checked).toBe(true);
    expect(box.parentElement!.textContent).toBe('小区边界');
    const swatch = box.parentElement!.querySelector<HTMLElement>('.swatch')!;
    expect(swatch.style.border).toContain('var(--color-risk-high)');
    expect(el.querySelector('[data-testid="legend-riskAreas"]')!.textContent).toBe('小区边界');
    // Not available: neither switch nor legend.
    expect(el.querySelector('[data-testid="layer-hidden"]')).toBeNull();

    click(box);
    expect(useLayerVisibility.getState().layers.riskAreas).toBe(false);
    expect(el.querySelector('[data-testid="legend-riskAreas"]')).toBeNull();
    click(box);
    expect(el.querySelector('[data-testid="legend-riskAreas"]')).not.toBeNull();
  });

  test('a layer with items gets a group with counts, all and none; the legend lists the items that are on', () => {
    const el = render(<><LayerSwitcher onFitStreet={() => {}} /><MapLegend /></>);
    click(el.querySelector('[data-testid="layer-switcher-toggle"]'));
    expect(el.querySelector('[data-testid="layer-sites"]')).toBeNull(); // items, no switch of its own
    expect(el.querySelector('[data-testid="layer-site-mobile"]')!.parentElement!.textContent).toBe('流动采样点5');
    expect(el.querySelector<HTMLElement>('[data-testid="legend-site-fixed"] .dot')!.style.background).toBe('var(--color-ok)');

    click(el.querySelector('[data-testid="layer-site-fixed"]'));
    expect(el.querySelector('[data-testid="legend-site-fixed"]')).toBeNull();
    expect(el.querySelector('[data-testid="legend-site-mobile"]')).not.toBeNull();

    const none = [...el.querySelectorAll('button')].find((b) => b.textContent === '全不选')!;
    click(none);
    expect(el.querySelectorAll('[data-testid^="legend-site-"]')).toHaveLength(0);
    const all = [...el.querySelectorAll('button')].find((b) => b.textContent === '全选')!;
    click(all);
    expect(el.querySelectorAll('[data-testid^="legend-site-"]')).toHaveLength(2);
  });
});
