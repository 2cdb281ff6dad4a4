import { MATCHING_CONFIG, type MatchingConfig } from './config';
import { prepareRequest } from './context';
import { refusals, reasons } from './explain';
import { fairnessPool, fairnessTerm, isCappedOut, speakerHistory, type SpeakerHistory } from './fairness';
import { checkActive, checkTeachesTopic, topicLevel } from './filters';
import { formatInstant, TalkTimes } from './instants';
import { ratingTerm, summariseRatings } from './rating';
import { checkSchedule } from './schedule';
import { audienceTerm, distanceTerm, levelTerm, weightedScore } from './score';
import type { ExcludedCandidate, MatchRequest, MatchResult, RankedCandidate, Slot, SpeakerCandidate } from './types';

interface Eligible {
  speaker: SpeakerCandidate;
  slotStarts: (number | null)[];
  earliestWindow: number;
  history: SpeakerHistory;
}

function toSlot(start: number, windowIndex: number, durationMs: number): Slot {
  return { start: formatInstant(start), end: formatInstant(start + durationMs), windowIndex };
}

/**
 * Ranks the speakers for one talk request (派单): hard filters first, each with the refusal a
 * dispatcher sees, then the weighted score with its reasons. Fairness shares are taken over the
 * speakers who passed the hard filters, i.e. those competing for this request. Pure and
 * deterministic: the clock is `request.now`, ties go to the lower speaker id, and the same input
 * in any order gives the same answer. Linear in speakers plus their own talks; pass each
 * speaker's talks from `historySince(request.now)` on.
 */
export function rankOffer(
  request: MatchRequest,
  speakers: readonly SpeakerCandidate[],
  config: MatchingConfig = MATCHING_CONFIG,
): MatchResult {
  const ctx = prepareRequest(request, config);
  const excluded: ExcludedCandidate[] = [];
  const eligible: Eligible[] = [];

  for (const speaker of speakers) {
    const refusal = checkActive(speaker) ?? checkTeachesTopic(speaker, request.topicId);
    if (refusal !== null) {
      excluded.push({ speakerId: speaker.id, refusal });
      continue;
    }
    const times = new TalkTimes(speaker.talks);
    const schedule = checkSchedule(speaker, times, ctx);
    if (!schedule.ok) {
      excluded.push({ speakerId: speaker.id, refusal: schedule.refusal });
      continue;
    }
    eligible.push({
      speaker,
      slotStarts: schedule.slotStarts,
      earliestWindow: schedule.earliestWindow,
      history: speakerHistory(speaker, times, ctx),
    });
  }

  const pool = fairnessPool(
    eligible.map((candidate) => candidate.history),
    ctx,
  );
  const ranked: RankedCandidate[] = [];
  eligible.forEach(({ speaker, slotStarts, earliestWindow, history }, index) => {
    const load = pool.loadsMilli[index] / 1000;
    if (isCappedOut(load, pool.share, config)) {
      excluded.push({ speakerId: speaker.id, refusal: refusals.overShare(config.recentDays, load, pool.share) });
      return;
    }
    const speakerLevel = topicLevel(speaker, request.topicId);
    const level = levelTerm(speakerLevel);
    const distance = distanceTerm(speaker, request.venue, config);
    const ratings = summariseRatings(speaker.ratings, config);
    const audience = audienceTerm(speaker, request.audienceKinds, speakerLevel);
    const terms = {
      level: level.value,
      distance: distance.value,
      fairness: fairnessTerm(load, pool.share, history.lastBookedMs, ctx),
      rating: ratingTerm(ratings),
      audience: audience.value,
    };
    const fairnessReasons = [reasons.recentTalks(config.recentDays, history.recentCount, history.upcomingCount)];
    if (history.calibration === 'new') fairnessReasons.push(reasons.newSpeakerCredited());
    if (history.calibration === 'returning') fairnessReasons.push(reasons.returningSpeakerCredited());
    const slots = slotStarts.map((start, windowIndex) => (start === null ? null : toSlot(start, windowIndex, ctx.durationMs)));
    ranked.push({
      speakerId: speaker.id,
      rank: 0,
      score: weightedScore(terms, config),
      terms,
      slot: slots[earliestWindow] as Slot,
      slots,
      reasons: [
        ...distance.reasons,
        ...level.reasons,
        ...fairnessReasons,
        reasons.rating(ratings.mean, ratings.count),
        ...audience.reasons,
      ],
    });
  });

  ranked.sort((a, b) => b.score - a.score || a.speakerId - b.speakerId);
  ranked.forEach((candidate, index) => {
    candidate.rank = index + 1;
  });
  excluded.sort((a, b) => a.speakerId - b.speakerId);
  return { ranked, excluded };
}
