import L from 'leaflet';
import Flatbush from 'flatbush';
import type { VenueType } from '../../shared/domain/venues';
import { makeDotSprite, stamp, type Sprite } from './pointRaster';

export interface VenueColumns {
  ids: number[];
  lng: number[];
  lat: number[];
  type: VenueType[];
  name: string[];
}

export interface VenueCanvasOptions extends L.LayerOptions {
  colors: Record<VenueType, string>;
  typeLabel: (type: VenueType) => string;
  visibleTypes: ReadonlySet<VenueType>;
}

const venuePane = 'venuePane';
const padding = 0.1; // draw a margin beyond the view, as Leaflet's own renderers do, so a short pan shows no empty edge

/**
 * All key venues in one <canvas> (20,000 points stay smooth; no DOM markers). Points are projected once at zoom 0;
 * a redraw scales them and stamps a pre-rendered dot per point into one pixel buffer (pointRaster.ts).
 * Hover shows a tooltip and click a popup, found through a flatbush index instead of per-point listeners.
 */
export class VenueCanvasLayer extends L.Layer {
  declare options: VenueCanvasOptions;
  private canvas: HTMLCanvasElement | null = null;
  private data: VenueColumns;
  private px = new Float64Array(0);
  private py = new Float64Array(0);
  private byType = new Map<VenueType, number[]>();
  private index: Flatbush | null = null;
  private drawnCenter: L.LatLng | null = null;
  private drawnZoom = 0;
  private hovered = -1;
  private markedFirstDraw = false;
  private image: ImageData | null = null;
  private pixels = new Uint32Array(0);
  private sprites = new Map<string, Map<VenueType, Sprite>>();
  private readonly tooltip = L.tooltip({ direction: 'top', offset: [0, -6], className: 'venue-tooltip' });

  constructor(data: VenueColumns, options: VenueCanvasOptions) {
    super(options);
    L.setOptions(this, { pane: venuePane, ...options });
    this.data = data;
  }

  setData(data: VenueColumns): void {
    this.data = data;
    if (this._map) this.prepare(this._map);
    this.redraw();
  }

  setVisibleTypes(types: ReadonlySet<VenueType>): void {
    this.options.visibleTypes = types;
    this.redraw();
  }

  override onAdd(map: L.Map): this {
    // Above the outlines (overlayPane 400), below labels and tooltips; events pass through to the outlines.
    if (!map.getPane(venuePane)) map.createPane(venuePane).style.zIndex = '450';
    const canvas = L.DomUtil.create('canvas', 'venue-canvas leaflet-zoom-animated');
    canvas.dataset.testid = 'venue-canvas';
    this.getPane()!.appendChild(canvas);
    this.canvas = canvas;
    this.prepare(map);
    map.on('viewreset moveend resize', this.update, this);
    map.on('zoom', this.onZoom, this);
    map.on('zoomanim', this.onZoomAnim, this);
    map.on('mousemove', this.onMouseMove, this);
    map.on('mouseout', this.clearHover, this);
    map.on('click', this.onClick, this);
    this.update();
    return this;
  }

  override onRemove(map: L.Map): this {
    map.off('viewreset moveend resize', this.update, this);
    map.off('zoom', this.onZoom, this);
    map.off('zoomanim', this.onZoomAnim, this);
    map.off('mousemove', this.onMouseMove, this);
    map.off('mouseout', this.clearHover, this);
    map.off('click', this.onClick, this);
    this.clearHover();
    this.canvas?.remove();
    this.canvas = null;
    return this;
  }

  /** Projects every point at zoom 0 and indexes them; runs once per data set, not per frame. */
  private prepare(map: L.Map): void {
    const n = this.data.ids.length;
    this.px = new Float64Array(n);
    this.py = new Float64Array(n);
    this.byType = new Map();
    for (let i = 0; i < n; i++) {
      const p = map.project([this.data.lat[i], this.data.lng[i]], 0);
      this.px[i] = p.x;
      this.py[i] = p.y;
      const list = this.byType.get(this.data.type[i]);
      if (list) list.push(i);
      else this.byType.set(this.data.type[i], [i]);
    }
    if (n === 0) {
      this.index = null;
      return;
    }
    const index = new Flatbush(n);
    for (let i = 0; i < n; i++) index.add(this.px[i], this.py[i], this.px[i], this.py[i]);
    index.finish();
    this.index = index;
  }

  /** One dot image per type, per radius and pixel ratio, made once. */
  private spritesFor(radius: number, dpr: number): Map<VenueType, Sprite> {
    const key = `${radius}@${dpr}`;
    let set = this.sprites.get(key);
    if (!set) {
      set = new Map();
      for (const type of this.byType.keys()) set.set(type, makeDotSprite(this.options.colors[type], radius, dpr));
      this.sprites.set(key, set);
    }
    for (const type of this.byType.keys()) if (!set.has(type)) set.set(type, makeDotSprite(this.options.colors[type], radius, dpr));
    return set;
  }

  private radius(zoom: number): number {
    return zoom >= 17 ? 6 : zoom >= 15 ? 5 : zoom >= 13.5 ? 4 : 3;
  }

  redraw(): void {
    if (this._map && this.canvas) this.update();
  }

  /** Places the canvas over the view (plus padding) and draws every visible point. */
  private update(): void {
    const map = this._map;
    const canvas = this.canvas;
    if (!map || !canvas) return;
    const started = performance.now();
    const size = map.getSize();
    const min = map.containerPointToLayerPoint(size.multiplyBy(-padding)).round();
    const full = size.multiplyBy(1 + padding * 2).round();
    const dpr = window.devicePixelRatio || 1;
    this.drawnCenter = map.getCenter();
    this.drawnZoom = map.getZoom();
    L.DomUtil.setPosition(canvas, min);
    canvas.style.width = `${full.x}px`;
    canvas.style.height = `${full.y}px`;
    if (canvas.width !== Math.round(full.x * dpr)) canvas.width = Math.round(full.x * dpr);
    if (canvas.height !== Math.round(full.y * dpr)) canvas.height = Math.round(full.y * dpr);
    const ctx = canvas.getContext('2d')!;
    const width = canvas.width;
    const height = canvas.height;
    if (!this.image || this.image.width !== width || this.image.height !== height) {
      this.image = ctx.createImageData(width, height);
      this.pixels = new Uint32Array(this.image.data.buffer);
    } else {
      this.image.data.fill(0); // the byte view: Uint32Array.fill is about 50x slower in Chromium (bench)
    }

    const zoom = map.getZoom();
    const scale = map.options.crs!.scale(zoom) / map.options.crs!.scale(0);
    const pixelOrigin = map.getPixelOrigin();
    const ox = pixelOrigin.x + min.x;
    const oy = pixelOrigin.y + min.y;
    const r = this.radius(zoom);
    const sprites = this.spritesFor(r, dpr);
    const margin = r + 2;
    let drawn = 0;
    for (const [type, list] of this.byType) {
      if (!this.options.visibleTypes.has(type)) continue;
      const sprite = sprites.get(type)!;
      for (const i of list) {
        const x = this.px[i] * scale - ox;
        const y = this.py[i] * scale - oy;
        if (x < -margin || y < -margin || x > full.x + margin || y > full.y + margin) continue;
        stamp(this.pixels, width, height, sprite, x * dpr, y * dpr);
        drawn++;
      }
    }
    ctx.putImageData(this.image, 0, 0);
    canvas.dataset.drawn = String(drawn);
    performance.measure('venue-redraw', { start: started, end: performance.now() });
    if (!this.markedFirstDraw && drawn > 0) {
      this.markedFirstDraw = true;
      performance.mark('venues-drawn'); // for the first-paint bench
    }
  }

  /** During a zoom animation, scale the last drawing (as L.Renderer does) instead of redrawing every frame. */
  private onZoomAnim(e: L.ZoomAnimEvent): void {
    this.transform(e.center, e.zoom);
  }

  private onZoom(): void {
    const map = this._map;
    if (map) this.transform(map.getCenter(), map.getZoom());
  }

  private transform(center: L.LatLng, zoom: number): void {
    const map = this._map;
    if (!map || !this.canvas || !this.drawnCenter) return;
    const scale = map.getZoomScale(zoom, this.drawnZoom);
    const viewHalf = map.getSize().multiplyBy(0.5 + padding);
    const currentCenterPoint = map.project(this.drawnCenter, zoom);
    const mapPanePos = L.DomUtil.getPosition(map.getPane('mapPane')!);
    const newPixelOrigin = map.project(center, zoom).subtract(map.getSize().divideBy(2)).add(mapPanePos).round();
    const topLeft = viewHalf.multiplyBy(-scale).add(currentCenterPoint).subtract(newPixelOrigin);
    L.DomUtil.setTransform(this.canvas, topLeft, scale);
  }

  /** The visible venue nearest to a container point, within its drawn radius plus a little slack. */
  private hit(e: L.LeafletMouseEvent): number {
    const map = this._map;
    if (!map || !this.index) return -1;
    const zoom = map.getZoom();
    const scale = map.options.crs!.scale(zoom) / map.options.crs!.scale(0);
    const p = map.project(e.latlng, zoom).divideBy(scale);
    const maxDist = (this.radius(zoom) + 3) / scale;
    const visible = this.options.visibleTypes;
    const found = this.index.neighbors(p.x, p.y, 1, maxDist, (i) => visible.has(this.data.type[i]));
    return found.length ? found[0] : -1;
  }

  private describe(i: number, withCode: boolean): HTMLElement {
    const el = document.createElement('div');
    const name = document.createElement('strong');
    name.textContent = this.data.name[i];
    const type = document.createElement('span');
    type.className = 'venue-type';
    type.textContent = this.options.typeLabel(this.data.type[i]);
    type.style.setProperty('--venue-color', this.options.colors[this.data.type[i]]);
    el.append(name, ' ', type);
    if (withCode) el.dataset.venueId = String(this.data.ids[i]);
    return el;
  }

  private onMouseMove(e: L.LeafletMouseEvent): void {
    const i = this.hit(e);
    if (i === this.hovered) return;
    this.clearHover();
    if (i < 0 || !this._map) return;
    this.hovered = i;
    this._map.getContainer().classList.add('venue-hover');
    this.tooltip.setLatLng([this.data.lat[i], this.data.lng[i]]).setContent(this.describe(i, false));
    this._map.openTooltip(this.tooltip);
  }

  private clearHover(): void {
    if (this.hovered < 0) return;
    this.hovered = -1;
    this._map?.getContainer().classList.remove('venue-hover');
    this._map?.closeTooltip(this.tooltip);
  }

  private onClick(e: L.LeafletMouseEvent): void {
    const i = this.hit(e);
    if (i < 0 || !this._map) return;
    L.popup({ className: 'venue-popup', offset: [0, -4] })
      .setLatLng([this.data.lat[i], this.data.lng[i]])
      .setContent(this.describe(i, true))
      .openOn(this._map);
  }
}
