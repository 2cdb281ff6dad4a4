/**
 * 云上微课堂 post lifecycle names. 三审三校: 初审 → 复审 → 终审, each by a different person.
 */
export const POST_STATUSES = ['draft', 'first_review', 'second_review', 'final_review', 'published', 'unpublished'] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

export const REVIEW_STAGES = ['first', 'second', 'final'] as const;
export type ReviewStage = (typeof REVIEW_STAGES)[number];

export const REVIEW_STAGE_LABELS: Record<ReviewStage, string> = { first: '初审', second: '复审', final: '终审' };
