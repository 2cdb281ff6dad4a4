import type { ScoreTerm } from './types';

/** Every knob of matching, in one place. The server may pass its own; tests pass variations. */
export interface MatchingConfig {
  /** Weights of the score terms; they sum to 1 so a score stays in [0, 1]. */
  weights: Record<ScoreTerm, number>;
  /** Kept free before and after each of the speaker's talks. */
  travelBufferMinutes: number;
  /** Between distant venues the buffer grows to this many minutes per km (city traffic). */
  travelMinutesPerKm: number;
  /** Slot starts are rounded up to this step (Shanghai is a whole-hour offset from UTC). */
  slotStepMinutes: number;
  /** The period of "recent talks" for fairness, and what "近30天" says. */
  recentDays: number;
  fairness: {
    /**
     * Part of the fairness term given to "least recently booked"; the rest is the shortfall
     * against the speaker's share. Kept small so it mostly breaks ties, as in Cal.com.
     */
    recencyShare: number;
    /** Capped out when recent load > share × capFactor + capSlack. */
    capFactor: number;
    capSlack: number;
  };
  distance: {
    /** A speaker serving the venue's own community. */
    sameCommunity: number;
    /** The best a speaker from another community can score, at 0 km. */
    otherCommunityMax: number;
    /** At or beyond this distance the term is 0. */
    maxKm: number;
  };
  /** Bayesian average of 评单: `priorWeight` imaginary ratings of `priorMean`. */
  rating: {
    priorMean: number;
    priorWeight: number;
  };
}

export const MATCHING_CONFIG: MatchingConfig = {
  weights: { level: 0.2, distance: 0.2, fairness: 0.3, rating: 0.2, audience: 0.1 },
  travelBufferMinutes: 30,
  travelMinutesPerKm: 3,
  slotStepMinutes: 5,
  recentDays: 30,
  fairness: { recencyShare: 0.1, capFactor: 2, capSlack: 2 },
  distance: { sameCommunity: 1, otherCommunityMax: 0.9, maxKm: 10 },
  rating: { priorMean: 4, priorWeight: 5 },
};
