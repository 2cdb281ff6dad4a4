import { Type, type Static } from '@sinclair/typebox';
import { POST_CATEGORIES, type PostCategory } from '../catalog';
import { POST_STATUSES, REVIEW_STAGES, type PostStatus, type ReviewStage } from '../posts';

export const PostCategorySchema = Type.Unsafe<PostCategory>(
  Type.String({ enum: POST_CATEGORIES.map((category) => category.key) }),
);
export const PostStatusSchema = Type.Unsafe<PostStatus>(Type.String({ enum: [...POST_STATUSES] }));
export const ReviewStageSchema = Type.Unsafe<ReviewStage>(Type.String({ enum: [...REVIEW_STAGES] }));

/** Opaque keyset cursor; the server validates it and answers 400 for a forged one. */
const Cursor = Type.String({ minLength: 1, maxLength: 200 });
const PageLimit = Type.Integer({ minimum: 1, maximum: 50, default: 20 });

// ---- residents -----------------------------------------------------------------------------

export const PostListQuery = Type.Object(
  {
    category: Type.Optional(PostCategorySchema),
    /** Searches title and body; two Chinese characters are enough. */
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    cursor: Type.Optional(Cursor),
    limit: Type.Optional(PageLimit),
  },
  { additionalProperties: false },
);
export type PostListQuery = Static<typeof PostListQuery>;

export const PostSummary = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  category: PostCategorySchema,
  summary: Type.String(),
  coverUrl: Type.Union([Type.String(), Type.Null()]),
  source: Type.String(),
  /** The street or the community that publishes it (谁主办谁管理). */
  unitName: Type.String(),
  pinned: Type.Boolean(),
  publishedAt: Type.String({ format: 'date-time' }),
  readCount: Type.Integer(),
  hasVideo: Type.Boolean(),
});
export type PostSummary = Static<typeof PostSummary>;

export const PostPage = Type.Object({
  items: Type.Array(PostSummary),
  /** Null on the last page. */
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
export type PostPage = Static<typeof PostPage>;

export const PostDetail = Type.Composite([
  PostSummary,
  Type.Object({
    /** Sanitised on the server; render with RichText. */
    bodyHtml: Type.String(),
    videoUrl: Type.Union([Type.String(), Type.Null()]),
    authorName: Type.String(),
    /** Seconds of reading after which this post counts as studied. */
    requiredSeconds: Type.Integer(),
  }),
]);
export type PostDetail = Static<typeof PostDetail>;

/** 学习记录: a reading report sent every READ_HEARTBEAT_SECONDS while a post is open. */
export const ReadReportBody = Type.Object(
  {
    seconds: Type.Integer({ minimum: 0, maximum: 3600 }),
    /** Client-made id of this report; a retry with the same nonce changes nothing. */
    nonce: Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }),
  },
  { additionalProperties: false },
);
export type ReadReportBody = Static<typeof ReadReportBody>;

export const ReadProgress = Type.Object({
  postId: Type.Integer(),
  /** Effective seconds credited to this post so far. */
  seconds: Type.Integer(),
  requiredSeconds: Type.Integer(),
  studied: Type.Boolean(),
  /** Points this post earned (0 until studied, or when today's cap was reached). */
  points: Type.Integer(),
  todayPoints: Type.Integer(),
  dailyCap: Type.Integer(),
});
export type ReadProgress = Static<typeof ReadProgress>;

export const StudiedPost = Type.Object({
  postId: Type.Integer(),
  title: Type.String(),
  category: PostCategorySchema,
  studiedAt: Type.String({ format: 'date-time' }),
  seconds: Type.Integer(),
  points: Type.Integer(),
});

export const StudyRecordQuery = Type.Object(
  { cursor: Type.Optional(Cursor), limit: Type.Optional(PageLimit) },
  { additionalProperties: false },
);
export type StudyRecordQuery = Static<typeof StudyRecordQuery>;

/** 我的学习: totals and the studied posts, newest first. */
export const StudyRecord = Type.Object({
  totalSeconds: Type.Integer(),
  studiedCount: Type.Integer(),
  totalPoints: Type.Integer(),
  todayPoints: Type.Integer(),
  dailyCap: Type.Integer(),
  items: Type.Array(StudiedPost),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
export type StudyRecord = Static<typeof StudyRecord>;

// ---- staff: 三审三校 -------------------------------------------------------------------------

const Title = Type.String({ minLength: 1, maxLength: 80 });
const HttpsUrl = Type.String({ maxLength: 500, pattern: '^https://' });

export const PostDraftBody = Type.Object(
  {
    title: Title,
    category: PostCategorySchema,
    summary: Type.String({ maxLength: 200 }),
    bodyHtml: Type.String({ minLength: 1, maxLength: 200000 }),
    source: Type.String({ minLength: 1, maxLength: 60 }),
    coverUrl: Type.Optional(Type.Union([HttpsUrl, Type.Null()])),
    videoUrl: Type.Optional(Type.Union([HttpsUrl, Type.Null()])),
    /** The street or a community; the editor must hold the editor role there. */
    unitId: Type.Integer({ minimum: 1 }),
    pinned: Type.Optional(Type.Boolean()),
    /** Scheduled publishing: visible from this instant once 终审 approves. */
    publishAt: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type PostDraftBody = Static<typeof PostDraftBody>;

export const PostEditBody = Type.Partial(PostDraftBody, { additionalProperties: false });
export type PostEditBody = Static<typeof PostEditBody>;

export const ReviewBody = Type.Object(
  {
    decision: Type.Union([Type.Literal('approve'), Type.Literal('reject')]),
    comment: Type.Optional(Type.String({ maxLength: 500 })),
    /**
     * What the reviewer saw (optional; the app should send both): if the post has since moved to
     * another stage or been edited into a new version, the decision is refused with
     * post_wrong_state instead of landing on a stage or a text the reviewer did not see.
     */
    stage: Type.Optional(ReviewStageSchema),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export type ReviewBody = Static<typeof ReviewBody>;

export const UnpublishBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export type UnpublishBody = Static<typeof UnpublishBody>;

export const PostHistoryEntry = Type.Object({
  at: Type.String({ format: 'date-time' }),
  actorName: Type.String(),
  /** Null for the system (a scheduled publication); lets the app tell who already reviewed. */
  actorId: Type.Union([Type.Integer(), Type.Null()]),
  /** created, edited, submitted, approved, rejected, published, unpublished */
  action: Type.String(),
  version: Type.Integer(),
  stage: Type.Union([ReviewStageSchema, Type.Null()]),
  comment: Type.Union([Type.String(), Type.Null()]),
});
export type PostHistoryEntry = Static<typeof PostHistoryEntry>;

export const StaffPost = Type.Composite([
  Type.Omit(PostDetail, ['publishedAt']),
  Type.Object({
    /** When residents see it from; null until 终审 approves (a draft has no publication time). */
    publishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    status: PostStatusSchema,
    version: Type.Integer(),
    unitId: Type.Integer(),
    authorId: Type.Integer(),
    publishAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    unpublishedReason: Type.Union([Type.String(), Type.Null()]),
    updatedAt: Type.String({ format: 'date-time' }),
    history: Type.Array(PostHistoryEntry),
  }),
]);
export type StaffPost = Static<typeof StaffPost>;

export const StaffPostListQuery = Type.Object(
  {
    /** mine: my drafts and posts; queue: posts waiting for a stage I may review; published: posts I may withdraw. */
    scope: Type.Union([Type.Literal('mine'), Type.Literal('queue'), Type.Literal('published')]),
    stage: Type.Optional(ReviewStageSchema),
    cursor: Type.Optional(Cursor),
    limit: Type.Optional(PageLimit),
  },
  { additionalProperties: false },
);
export type StaffPostListQuery = Static<typeof StaffPostListQuery>;

export const StaffPostSummary = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  category: PostCategorySchema,
  status: PostStatusSchema,
  version: Type.Integer(),
  unitName: Type.String(),
  authorName: Type.String(),
  updatedAt: Type.String({ format: 'date-time' }),
  publishAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

export const StaffPostPage = Type.Object({
  items: Type.Array(StaffPostSummary),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
export type StaffPostPage = Static<typeof StaffPostPage>;
