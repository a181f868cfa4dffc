import L from 'leaflet';

/**
 * leaflet-geoman's bundle patches the global `L` when it runs; the ES build of Leaflet sets no global. This module
 * is imported just before geoman (ES modules run in import order), so the global exists when geoman looks for it.
 */
(window as unknown as { L: typeof L }).L = L;
