/**
 * 学习积分 rules, in one place. A post counts as studied after an effective reading time that
 * grows with its length; points are given once per post and capped per Shanghai day.
 */

/** Characters of body text read per second counted as effective study (slow, for the elderly). */
export const READING_CHARS_PER_SECOND = 10;
export const MIN_STUDY_SECONDS = 20;
export const MAX_STUDY_SECONDS = 180;

/** How often the app reports reading time while a post is open. */
export const READ_HEARTBEAT_SECONDS = 15;
/** One report never credits more than this, whatever it claims. */
export const MAX_CREDIT_PER_REPORT_SECONDS = 60;
/** Network jitter allowed between the server's clock and the time a report claims. */
export const REPORT_SLACK_SECONDS = 5;

export const POINTS_PER_STUDIED_POST = 2;
export const DAILY_POINTS_CAP = 10;

/** Body text length of sanitised HTML: tags and whitespace do not count. */
export function textLength(html: string): number {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&[a-z#0-9]+;/gi, ' ')
    .replace(/\s+/g, '').length;
}

/** Seconds of reading after which a post of this length counts as studied. */
export function requiredStudySeconds(bodyTextLength: number): number {
  const seconds = Math.ceil(bodyTextLength / READING_CHARS_PER_SECOND);
  return Math.min(MAX_STUDY_SECONDS, Math.max(MIN_STUDY_SECONDS, seconds));
}

/**
 * Seconds a reading report may credit: no more than it claims, than could have passed since the
 * previous report (server clock), nor than one report's cap. The first report of a visit is
 * bounded by one heartbeat, since nothing earlier proves when reading began.
 */
export function creditableSeconds(claimed: number, secondsSincePreviousReport: number | null): number {
  const elapsedBound =
    secondsSincePreviousReport === null ? READ_HEARTBEAT_SECONDS : secondsSincePreviousReport + REPORT_SLACK_SECONDS;
  return Math.max(0, Math.min(Math.floor(claimed), Math.floor(elapsedBound), MAX_CREDIT_PER_REPORT_SECONDS));
}

/** Points for completing a post today, given what today has earned already. */
export function pointsForCompletion(pointsEarnedToday: number): number {
  return Math.max(0, Math.min(POINTS_PER_STUDIED_POST, DAILY_POINTS_CAP - pointsEarnedToday));
}
