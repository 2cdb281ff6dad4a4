import type { AudienceKind } from '../catalog';
import type { MatchingConfig } from './config';
import { reasons } from './explain';
import { haversineKm } from './geo';
import type { MatchVenue, ScoreTerms, SpeakerCandidate } from './types';

/** A term's value in [0, 1] and the words that explain it (possibly none). */
export interface TermResult {
  value: number;
  reasons: string[];
}

/** Level 1 → 0, 2 → 0.5, 3 → 1. */
export function levelTerm(level: number): TermResult {
  const clamped = Math.min(3, Math.max(1, level));
  return { value: (clamped - 1) / 2, reasons: [reasons.topicLevel(clamped)] };
}

/**
 * Serving the venue's own community is best; otherwise the nearest served community's centre,
 * falling linearly to 0 at `maxKm` and never reaching the same-community score.
 */
export function distanceTerm(speaker: SpeakerCandidate, venue: MatchVenue, config: MatchingConfig): TermResult {
  if (speaker.communities.length === 0) return { value: 0, reasons: [reasons.noCommunities()] };
  let nearestKm = Infinity;
  for (const community of speaker.communities) {
    if (community.unitId === venue.unitId) return { value: config.distance.sameCommunity, reasons: [reasons.sameCommunity()] };
    nearestKm = Math.min(nearestKm, haversineKm(community, venue));
  }
  const { otherCommunityMax, maxKm } = config.distance;
  return {
    value: otherCommunityMax * Math.max(0, 1 - nearestKm / maxKm),
    reasons: [reasons.distance(nearestKm)],
  };
}

/**
 * How well the speaker suits the audience, averaged over the kinds requested; kept simple on
 * purpose, the dispatcher sees why:
 * - 老年人: the local dialect is understood best (+0.5), and 老书记课堂 veterans speak from
 *   shared experience (+0.5).
 * - 青少年: 青年说, young speakers for young listeners (1); others 0.
 * - 党员: 老书记课堂 veterans (1); otherwise depth on the topic stands in (level 1–3 → 0–1).
 * - 居民: anyone suits a general audience (0.5 for all, so it changes no order).
 * No kind given: 0.5 for all.
 */
export function audienceTerm(speaker: SpeakerCandidate, kinds: readonly AudienceKind[], level: number): TermResult {
  if (kinds.length === 0) return { value: 0.5, reasons: [] };
  const isVeteran = speaker.team === 'veterans';
  const said = new Set<string>();
  let total = 0;
  for (const kind of kinds) {
    switch (kind) {
      case 'elderly':
        if (speaker.dialect) said.add(reasons.dialect());
        if (isVeteran) said.add(reasons.veterans());
        total += (speaker.dialect ? 0.5 : 0) + (isVeteran ? 0.5 : 0);
        break;
      case 'youth':
        if (speaker.team === 'youth') said.add(reasons.youthTeam());
        total += speaker.team === 'youth' ? 1 : 0;
        break;
      case 'party':
        if (isVeteran) said.add(reasons.veterans());
        total += isVeteran ? 1 : (Math.min(3, Math.max(1, level)) - 1) / 2;
        break;
      case 'residents':
        total += 0.5;
        break;
    }
  }
  return { value: total / kinds.length, reasons: [...said] };
}

export function weightedScore(terms: ScoreTerms, config: MatchingConfig): number {
  const { weights } = config;
  return (
    weights.level * terms.level +
    weights.distance * terms.distance +
    weights.fairness * terms.fairness +
    weights.rating * terms.rating +
    weights.audience * terms.audience
  );
}
