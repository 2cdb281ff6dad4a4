import { parseInstant } from './instants';
import { refusals } from './explain';
import type { Refusal, SpeakerCandidate } from './types';

/**
 * The hard filters that need no clock or calendar. Each answers null (passes) or the refusal a
 * dispatcher sees. The schedule filters (free slot, weekly limit) are in ./schedule.ts.
 */

/** Paused means a pause later than the last return (or no return at all). */
export function isPaused(speaker: Pick<SpeakerCandidate, 'pausedAt' | 'resumedAt'>): boolean {
  if (speaker.pausedAt === null) return false;
  return speaker.resumedAt === null || parseInstant(speaker.pausedAt) > parseInstant(speaker.resumedAt);
}

export function checkActive(speaker: SpeakerCandidate): Refusal | null {
  if (speaker.approvedAt === null) return refusals.notApproved();
  if (isPaused(speaker)) return refusals.paused();
  return null;
}

/** The speaker's level on the topic, 0 when they do not teach it. */
export function topicLevel(speaker: SpeakerCandidate, topicId: number): number {
  for (const topic of speaker.topics) if (topic.topicId === topicId) return topic.level;
  return 0;
}

export function checkTeachesTopic(speaker: SpeakerCandidate, topicId: number): Refusal | null {
  return topicLevel(speaker, topicId) > 0 ? null : refusals.topicNotOffered();
}
