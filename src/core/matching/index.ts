/** 派单: the matching engine. The server loads candidates (groupCandidates) and calls rankOffer. */
export { rankOffer } from './rank';
export { checkChosenSlot } from './schedule';
export { MATCHING_CONFIG, type MatchingConfig } from './config';
export { historySince } from './context';
export { groupCandidates, type CandidateRows } from './candidates';
export { checkActive, checkTeachesTopic, isPaused, topicLevel } from './filters';
export { summariseRatings, type RatingSummary } from './rating';
export { haversineKm } from './geo';
export { reasons, refusals } from './explain';
export type {
  ExcludedCandidate,
  GeoPoint,
  Instant,
  MatchRequest,
  MatchResult,
  MatchVenue,
  RankedCandidate,
  RatingInput,
  Refusal,
  RefusalCode,
  ScoreTerm,
  ScoreTerms,
  ServedCommunity,
  Slot,
  SpeakerCandidate,
  SpeakerTalk,
  SpeakerTopic,
  TimeWindow,
  WeeklyAvailability,
} from './types';
