import { EARTH_RADIUS_M, checkGeofence, distanceMetres, type VenueGeofence } from '../../src/core/checkin';

/** A community room in Huizhou (GCJ-02), 200 m radius. */
const VENUE: VenueGeofence = { lat: 23.0794, lng: 114.4126, checkinRadiusM: 200, requiresLocation: true };

/** A point `metres` due north of the venue: along a meridian the distance is R·Δφ. */
const north = (metres: number) => ({ lat: VENUE.lat + (metres / EARTH_RADIUS_M) * (180 / Math.PI), lng: VENUE.lng });

describe('distance between two GCJ-02 points', () => {
  it('is zero for the same point and symmetric', () => {
    expect(distanceMetres(VENUE, VENUE)).toBe(0);
    const other = { lat: 23.09, lng: 114.42 };
    expect(distanceMetres(VENUE, other)).toBeCloseTo(distanceMetres(other, VENUE), 9);
  });

  it('measures along a meridian and along the equator', () => {
    expect(distanceMetres(VENUE, north(150))).toBeCloseTo(150, 6);
    expect(distanceMetres({ lat: 0, lng: 0 }, { lat: 0, lng: 1 })).toBeCloseTo((EARTH_RADIUS_M * Math.PI) / 180, 3);
  });

  it('matches known distances to within a fraction of a percent', () => {
    // Tiananmen to the Oriental Pearl Tower, about 1,067 km.
    const km = distanceMetres({ lat: 39.9087, lng: 116.3975 }, { lat: 31.2397, lng: 121.4998 }) / 1000;
    expect(km).toBeGreaterThan(1060);
    expect(km).toBeLessThan(1075);
    // A longitude degree at 23°N is cos(23°) of one at the equator.
    expect(distanceMetres({ lat: 23, lng: 114 }, { lat: 23, lng: 114.001 })).toBeCloseTo(111.195 * 1.0 * Math.cos((23 * Math.PI) / 180), 1);
  });

  it('stays finite for antipodal points', () => {
    expect(distanceMetres({ lat: 0, lng: 0 }, { lat: 0, lng: 180 })).toBeCloseTo(Math.PI * EARTH_RADIUS_M, 0);
  });
});

describe('geofence check', () => {
  it('accepts a location at the centre and just inside the radius', () => {
    expect(checkGeofence(VENUE, VENUE)).toEqual({ ok: true, distanceM: 0 });
    expect(checkGeofence(VENUE, north(199.9))).toEqual({ ok: true, distanceM: 200 });
  });

  it('accepts a location on the radius and refuses one just beyond it', () => {
    expect(checkGeofence({ ...VENUE, checkinRadiusM: distanceMetres(VENUE, north(200)) }, north(200)).ok).toBe(true);
    expect(checkGeofence(VENUE, north(200.1))).toEqual({ ok: false, code: 'outside_area', distanceM: 200, radiusM: 200 });
  });

  it('gives the distance in whole metres for the message', () => {
    expect(checkGeofence(VENUE, north(1234.4))).toEqual({ ok: false, code: 'outside_area', distanceM: 1234, radiusM: 200 });
    expect(checkGeofence(VENUE, { lat: 23.0794, lng: 114.4226 })).toMatchObject({ ok: false, code: 'outside_area' });
  });

  it('asks for a location when the venue requires one and none (or no real point) was sent', () => {
    for (const reported of [null, undefined, { lat: Number.NaN, lng: 114 }, { lat: 91, lng: 114 }, { lat: 23, lng: 181 }, { lat: 23, lng: Infinity }]) {
      expect(checkGeofence(VENUE, reported)).toEqual({ ok: false, code: 'location_required' });
    }
  });

  it('does not fence a venue that does not require location, but still reports the distance', () => {
    const open = { ...VENUE, requiresLocation: false };
    expect(checkGeofence(open, null)).toEqual({ ok: true, distanceM: null });
    expect(checkGeofence(open, north(5_000))).toEqual({ ok: true, distanceM: 5_000 });
  });
});
