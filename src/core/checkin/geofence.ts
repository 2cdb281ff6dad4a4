/**
 * The optional geofence: a venue that requires location accepts a check-in only within its
 * radius. Venue and phone both use GCJ-02 (the venue picked on Tencent's map, the phone from
 * wx.getLocation({ type: 'gcj02' })). GCJ-02's offset from WGS-84 changes smoothly over
 * kilometres, so the haversine distance between two GCJ-02 points is the true distance to well
 * under a metre at check-in scale; no conversion is needed.
 */

/** Mean Earth radius (IUGG), metres. */
export const EARTH_RADIUS_M = 6_371_008.8;

export interface GeoPoint {
  lat: number;
  lng: number;
}

export interface VenueGeofence extends GeoPoint {
  checkinRadiusM: number;
  requiresLocation: boolean;
}

export type GeofenceRefusal = 'location_required' | 'outside_area';

export type GeofenceVerdict =
  | { ok: true; distanceM: number | null }
  | { ok: false; code: 'location_required' }
  | { ok: false; code: 'outside_area'; distanceM: number; radiusM: number };

const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in metres (haversine). */
export function distanceMetres(from: GeoPoint, to: GeoPoint): number {
  const dLat = toRadians(to.lat - from.lat);
  const dLng = toRadians(to.lng - from.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(from.lat)) * Math.cos(toRadians(to.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

function isGeoPoint(point: GeoPoint | null | undefined): point is GeoPoint {
  return (
    !!point &&
    Number.isFinite(point.lat) &&
    Number.isFinite(point.lng) &&
    Math.abs(point.lat) <= 90 &&
    Math.abs(point.lng) <= 180
  );
}

/**
 * Inside means within the radius, the edge included. Distances in the verdict are whole metres
 * for the message (不在签到范围内, 距签到地点约 N 米); the comparison uses the exact distance.
 * A location that is not a point on Earth counts as no location (the route's schema should have
 * refused it already).
 */
export function checkGeofence(venue: VenueGeofence, reported: GeoPoint | null | undefined): GeofenceVerdict {
  const located = isGeoPoint(reported);
  if (!venue.requiresLocation) return { ok: true, distanceM: located ? Math.round(distanceMetres(venue, reported)) : null };
  if (!located) return { ok: false, code: 'location_required' };
  const distance = distanceMetres(venue, reported);
  if (distance > venue.checkinRadiusM) {
    return { ok: false, code: 'outside_area', distanceM: Math.round(distance), radiusM: venue.checkinRadiusM };
  }
  return { ok: true, distanceM: Math.round(distance) };
}
