import type {
  PostDetail,
  PostPage,
  PostSummary,
  ReadProgress,
  StaffPost,
  StaffPostPage,
  StudyRecord,
} from '../../../src/core/api/posts';

const HOUR = 3600 * 1000;

/** An instant `hours` before now, so relative dates read the same whenever the tests run. */
export function hoursAgo(hours: number): string {
  return new Date(Date.now() - hours * HOUR).toISOString();
}

export function postSummary(overrides: Partial<PostSummary> = {}): PostSummary {
  return {
    id: 1,
    title: '学习贯彻党的二十大精神宣讲走进惠阳社区',
    category: 'congress',
    summary: '老书记课堂宣讲团走进社区，用身边事讲清大道理。',
    coverUrl: null,
    source: '云溪街道党工委',
    unitName: '云溪街道',
    pinned: false,
    publishedAt: hoursAgo(3),
    readCount: 128,
    hasVideo: false,
    ...overrides,
  };
}

export function feedPage(items: PostSummary[], nextCursor: string | null = null): PostPage {
  return { items, nextCursor };
}

export function postDetail(overrides: Partial<PostDetail> = {}): PostDetail {
  return {
    ...postSummary(),
    bodyHtml: '<p>社区宣讲员用群众听得懂的话，讲清楚二十大报告中与居民生活息息相关的内容。</p>',
    videoUrl: null,
    authorName: '李明',
    requiredSeconds: 20,
    ...overrides,
  };
}

export function readProgress(overrides: Partial<ReadProgress> = {}): ReadProgress {
  return {
    postId: 1,
    seconds: 15,
    requiredSeconds: 20,
    studied: false,
    points: 0,
    todayPoints: 0,
    dailyCap: 10,
    ...overrides,
  };
}

export function studyRecord(overrides: Partial<StudyRecord> = {}): StudyRecord {
  return {
    totalSeconds: 750,
    studiedCount: 5,
    totalPoints: 36,
    todayPoints: 4,
    dailyCap: 10,
    items: [
      {
        postId: 1,
        title: '学习贯彻党的二十大精神宣讲走进惠阳社区',
        category: 'congress',
        studiedAt: hoursAgo(2),
        seconds: 95,
        points: 2,
      },
    ],
    nextCursor: null,
    ...overrides,
  };
}

export function staffPost(overrides: Partial<StaffPost> = {}): StaffPost {
  return {
    ...postDetail({ id: 31, title: '垃圾分类新规解读', category: 'policy', unitName: '惠阳社区', source: '惠阳社区居委会' }),
    status: 'first_review',
    version: 1,
    unitId: 3,
    authorId: 12,
    authorName: '李明',
    publishAt: null,
    unpublishedReason: null,
    updatedAt: hoursAgo(1),
    history: [
      { at: hoursAgo(2), actorName: '李明', actorId: 12, action: 'created', version: 1, stage: null, comment: null },
      { at: hoursAgo(1), actorName: '李明', actorId: 12, action: 'submitted', version: 1, stage: null, comment: null },
    ],
    ...overrides,
  };
}

export function staffPostPage(posts: StaffPost[], nextCursor: string | null = null): StaffPostPage {
  return {
    items: posts.map((post) => ({
      id: post.id,
      title: post.title,
      category: post.category,
      status: post.status,
      version: post.version,
      unitName: post.unitName,
      authorName: post.authorName,
      updatedAt: post.updatedAt,
      publishAt: post.publishAt,
    })),
    nextCursor,
  };
}
