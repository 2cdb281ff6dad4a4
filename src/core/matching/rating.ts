import type { MatchingConfig } from './config';
import type { RatingInput } from './types';

export interface RatingSummary {
  /** Plain average of the ratings, 0 when there are none: what the dispatcher reads. */
  mean: number;
  count: number;
  /**
   * The average after adding `priorWeight` imaginary ratings of `priorMean`: what matching
   * ranks by, so one 5.0 does not beat forty ratings averaging 4.8.
   */
  bayesian: number;
}

export function summariseRatings(ratings: RatingInput, config: MatchingConfig): RatingSummary {
  let sum = 0;
  let count = 0;
  if (Array.isArray(ratings)) {
    for (const rating of ratings as readonly number[]) {
      sum += rating;
      count++;
    }
  } else {
    ({ sum, count } = ratings as { sum: number; count: number });
  }
  const { priorMean, priorWeight } = config.rating;
  return {
    mean: count > 0 ? sum / count : 0,
    count,
    bayesian: priorWeight + count > 0 ? (priorMean * priorWeight + sum) / (priorWeight + count) : priorMean,
  };
}

/** A 1–5 rating mapped onto [0, 1]. */
export function ratingTerm(summary: RatingSummary): number {
  return Math.min(1, Math.max(0, (summary.bayesian - 1) / 4));
}
