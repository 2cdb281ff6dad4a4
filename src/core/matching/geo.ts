import type { GeoPoint } from './types';

const EARTH_RADIUS_KM = 6371;
const RADIANS = Math.PI / 180;

/**
 * Great-circle distance. Applied to GCJ-02 coordinates directly: the offset is nearly uniform
 * over a street or district, so differences stay accurate to metres.
 */
export function haversineKm(a: GeoPoint, b: GeoPoint): number {
  const dLat = (b.lat - a.lat) * RADIANS;
  const dLng = (b.lng - a.lng) * RADIANS;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RADIANS) * Math.cos(b.lat * RADIANS) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
