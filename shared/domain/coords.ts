/**
 * GCJ-02 (火星坐标, used by Amap/Tencent maps and most Chinese surveys) <-> WGS-84.
 * The forward transform is the published one (Krasovsky ellipsoid); there is no closed-form inverse, so
 * GCJ-02 -> WGS-84 iterates the forward transform until it reproduces the input (error far below 0.5 m).
 * Pure functions: no I/O.
 */

const a = 6378245.0; // Krasovsky 1940 semi-major axis
const ee = 0.00669342162296594323; // its eccentricity squared

/** The transform only applies inside China's rough bounding box; outside, both systems coincide. */
export function outOfChina(lng: number, lat: number): boolean {
  return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function transformLat(x: number, y: number): number {
  let ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  ret += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return ret;
}

function transformLng(x: number, y: number): number {
  let ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  ret += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return ret;
}

/** WGS-84 [lng, lat] -> GCJ-02 [lng, lat]. */
export function wgs84ToGcj02(lng: number, lat: number): [number, number] {
  if (outOfChina(lng, lat)) return [lng, lat];
  let dLat = transformLat(lng - 105.0, lat - 35.0);
  let dLng = transformLng(lng - 105.0, lat - 35.0);
  const radLat = (lat / 180.0) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - ee * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((a * (1 - ee)) / (magic * sqrtMagic)) * Math.PI);
  dLng = (dLng * 180.0) / ((a / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [lng + dLng, lat + dLat];
}

/** GCJ-02 [lng, lat] -> WGS-84 [lng, lat]: fixed-point iteration on the forward transform (converges in 3-5 steps). */
export function gcj02ToWgs84(lng: number, lat: number): [number, number] {
  if (outOfChina(lng, lat)) return [lng, lat];
  let wLng = lng;
  let wLat = lat;
  for (let i = 0; i < 30; i++) {
    const [gLng, gLat] = wgs84ToGcj02(wLng, wLat);
    const eLng = gLng - lng;
    const eLat = gLat - lat;
    wLng -= eLng;
    wLat -= eLat;
    if (Math.abs(eLng) < 1e-10 && Math.abs(eLat) < 1e-10) break; // ~0.01 mm
  }
  return [wLng, wLat];
}

/** Distance in metres between two WGS-84 points (haversine; enough to state accuracy in tests and messages). */
export function metresBetween(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const r = 6371008.8;
  const toRad = Math.PI / 180;
  const dLat = (lat2 - lat1) * toRad;
  const dLng = (lng2 - lng1) * toRad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * toRad) * Math.cos(lat2 * toRad) * Math.sin(dLng / 2) ** 2;
  return 2 * r * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * BD-09 (百度坐标, Baidu maps and their exports) is GCJ-02 with a further published offset (Baidu's x_pi rotation);
 * its inverse below is the published approximation (error well under 1 m), then GCJ-02 -> WGS-84 as above.
 */
const xPi = (Math.PI * 3000.0) / 180.0;

/** GCJ-02 [lng, lat] -> BD-09 [lng, lat]. */
export function gcj02ToBd09(lng: number, lat: number): [number, number] {
  const z = Math.sqrt(lng * lng + lat * lat) + 0.00002 * Math.sin(lat * xPi);
  const theta = Math.atan2(lat, lng) + 0.000003 * Math.cos(lng * xPi);
  return [z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006];
}

/** BD-09 [lng, lat] -> GCJ-02 [lng, lat]. */
export function bd09ToGcj02(lng: number, lat: number): [number, number] {
  const x = lng - 0.0065;
  const y = lat - 0.006;
  const z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * xPi);
  const theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * xPi);
  return [z * Math.cos(theta), z * Math.sin(theta)];
}

/** BD-09 [lng, lat] -> WGS-84 [lng, lat]. */
export function bd09ToWgs84(lng: number, lat: number): [number, number] {
  const [gLng, gLat] = bd09ToGcj02(lng, lat);
  return gcj02ToWgs84(gLng, gLat);
}
