/**
 * leaflet-geoman, loaded once for every map. Used directly through `useMap()` (map.pm, layer.pm), never through its
 * React wrappers, which do not unmount their controls cleanly (STYLE.md section 9). Import this file from a component
 * that draws; the global must be set first (leafletGlobal.ts).
 */
import './leafletGlobal';
import '@geoman-io/leaflet-geoman-free';
import '@geoman-io/leaflet-geoman-free/dist/leaflet-geoman.css';
