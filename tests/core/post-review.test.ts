import {
  decidePostAction,
  POST_STATUSES,
  type PostAction,
  type PostActor,
  type PostStatus,
  type VersionReview,
} from '../../src/core/posts';

const AUTHOR = 1;
const EARLIER_REVIEWER = 2;
const FRESH_REVIEWER = 3;
const FRESH_APPROVER = 4;
const EARLIER_APPROVER = 5;
const OTHER_EDITOR = 6;
const ADMIN = 7;
const RESIDENT = 8;

/** Who is acting, named by their relation to the post. */
const ACTORS: Record<string, PostActor> = {
  author: { userId: AUTHOR, roles: ['editor', 'reviewer', 'approver'] },
  otherEditor: { userId: OTHER_EDITOR, roles: ['editor'] },
  freshReviewer: { userId: FRESH_REVIEWER, roles: ['reviewer'] },
  earlierReviewer: { userId: EARLIER_REVIEWER, roles: ['reviewer'] },
  freshApprover: { userId: FRESH_APPROVER, roles: ['approver'] },
  earlierApprover: { userId: EARLIER_APPROVER, roles: ['reviewer', 'approver'] },
  admin: { userId: ADMIN, roles: ['admin'] },
  resident: { userId: RESIDENT, roles: ['resident'] },
};

/** The approvals the current version already has when it waits in each status. */
const REVIEWS: Record<PostStatus, VersionReview[]> = {
  draft: [],
  first_review: [],
  second_review: [{ stage: 'first', reviewerId: EARLIER_REVIEWER }],
  final_review: [
    { stage: 'first', reviewerId: EARLIER_REVIEWER },
    { stage: 'second', reviewerId: EARLIER_APPROVER },
  ],
  published: [],
  unpublished: [],
};

const ACTIONS: PostAction[] = ['edit', 'submit', 'approve', 'reject', 'unpublish'];

/**
 * The expected outcome of every status × action × actor, written out by hand from DESIGN.md so
 * the test does not restate the implementation. `→ status` is allowed; anything else is the
 * refusal code.
 */
const EXPECTED: Record<PostStatus, Record<PostAction, Record<keyof typeof ACTORS, string>>> = {
  draft: {
    edit: { author: '→ draft', otherEditor: '→ draft', freshReviewer: 'editor_role_required', earlierReviewer: 'editor_role_required', freshApprover: 'editor_role_required', earlierApprover: 'editor_role_required', admin: 'editor_role_required', resident: 'editor_role_required' },
    submit: { author: '→ first_review', otherEditor: '→ first_review', freshReviewer: 'editor_role_required', earlierReviewer: 'editor_role_required', freshApprover: 'editor_role_required', earlierApprover: 'editor_role_required', admin: 'editor_role_required', resident: 'editor_role_required' },
    approve: { author: 'post_wrong_state', otherEditor: 'post_wrong_state', freshReviewer: 'post_wrong_state', earlierReviewer: 'post_wrong_state', freshApprover: 'post_wrong_state', earlierApprover: 'post_wrong_state', admin: 'post_wrong_state', resident: 'post_wrong_state' },
    reject: { author: 'post_wrong_state', otherEditor: 'post_wrong_state', freshReviewer: 'post_wrong_state', earlierReviewer: 'post_wrong_state', freshApprover: 'post_wrong_state', earlierApprover: 'post_wrong_state', admin: 'post_wrong_state', resident: 'post_wrong_state' },
    unpublish: { author: 'post_wrong_state', otherEditor: 'review_role_required', freshReviewer: 'review_role_required', earlierReviewer: 'review_role_required', freshApprover: 'post_wrong_state', earlierApprover: 'post_wrong_state', admin: 'post_wrong_state', resident: 'review_role_required' },
  },
  first_review: {
    edit: { author: '→ draft', otherEditor: '→ draft', freshReviewer: 'editor_role_required', earlierReviewer: 'editor_role_required', freshApprover: 'editor_role_required', earlierApprover: 'editor_role_required', admin: 'editor_role_required', resident: 'editor_role_required' },
    submit: { author: 'post_wrong_state', otherEditor: 'post_wrong_state', freshReviewer: 'editor_role_required', earlierReviewer: 'editor_role_required', freshApprover: 'editor_role_required', earlierApprover: 'editor_role_required', admin: 'editor_role_required', resident: 'editor_role_required' },
    approve: { author: 'reviewer_is_author', otherEditor: 'review_role_required', freshReviewer: '→ second_review', earlierReviewer: '→ second_review', freshApprover: 'review_role_required', earlierApprover: '→ second_review', admin: 'review_role_required', resident: 'review_role_required' },
    reject: { author: 'reviewer_is_author', otherEditor: 'review_role_required', freshReviewer: '→ draft', earlierReviewer: '→ draft', freshApprover: 'review_role_required', earlierApprover: '→ draft', admin: 'review_role_required', resident: 'review_role_required' },
    unpublish: { author: 'post_wrong_state', otherEditor: 'review_role_required', freshReviewer: 'review_role_required', earlierReviewer: 'review_role_required', freshApprover: 'post_wrong_state', earlierApprover: 'post_wrong_state', admin: 'post_wrong_state', resident: 'review_role_required' },
  },
  second_review: {
    edit: { author: '→ draft', otherEditor: '→ draft', freshReviewer: 'editor_role_required', earlierReviewer: 'editor_role_required', freshApprover: 'editor_role_required', earlierApprover: 'editor_role_required', admin: 'editor_role_required', resident: 'editor_role_required' },
    submit: { author: 'post_wrong_state', otherEditor: 'post_wrong_state', freshReviewer: 'editor_role_required', earlierReviewer: 'editor_role_required', freshApprover: 'editor_role_required', earlierApprover: 'editor_role_required', admin: 'editor_role_required', resident: 'editor_role_required' },
    approve: { author: 'reviewer_is_author', otherEditor: 'review_role_required', freshReviewer: '→ final_review', earlierReviewer: 'reviewer_already_reviewed', freshApprover: 'review_role_required', earlierApprover: '→ final_review', admin: 'review_role_required', resident: 'review_role_required' },
    reject: { author: 'reviewer_is_author', otherEditor: 'review_role_required', freshReviewer: '→ draft', earlierReviewer: 'reviewer_already_reviewed', freshApprover: 'review_role_required', earlierApprover: '→ draft', admin: 'review_role_required', resident: 'review_role_required' },
    unpublish: { author: 'post_wrong_state', otherEditor: 'review_role_required', freshReviewer: 'review_role_required', earlierReviewer: 'review_role_required', freshApprover: 'post_wrong_state', earlierApprover: 'post_wrong_state', admin: 'post_wrong_state', resident: 'review_role_required' },
  },
  final_review: {
    edit: { author: '→ draft', otherEditor: '→ draft', freshReviewer: 'editor_role_required', earlierReviewer: 'editor_role_required', freshApprover: 'editor_role_required', earlierApprover: 'editor_role_required', admin: 'editor_role_required', resident: 'editor_role_required' },
    submit: { author: 'post_wrong_state', otherEditor: 'post_wrong_state', freshReviewer: 'editor_role_required', earlierReviewer: 'editor_role_required', freshApprover: 'editor_role_required', earlierApprover: 'editor_role_required', admin: 'editor_role_required', resident: 'editor_role_required' },
    approve: { author: 'reviewer_is_author', otherEditor: 'review_role_required', freshReviewer: 'review_role_required', earlierReviewer: 'review_role_required', freshApprover: '→ published', earlierApprover: 'reviewer_already_reviewed', admin: 'review_role_required', resident: 'review_role_required' },
    reject: { author: 'reviewer_is_author', otherEditor: 'review_role_required', freshReviewer: 'review_role_required', earlierReviewer: 'review_role_required', freshApprover: '→ draft', earlierApprover: 'reviewer_already_reviewed', admin: 'review_role_required', resident: 'review_role_required' },
    unpublish: { author: 'post_wrong_state', otherEditor: 'review_role_required', freshReviewer: 'review_role_required', earlierReviewer: 'review_role_required', freshApprover: 'post_wrong_state', earlierApprover: 'post_wrong_state', admin: 'post_wrong_state', resident: 'review_role_required' },
  },
  published: {
    edit: { author: 'post_wrong_state', otherEditor: 'post_wrong_state', freshReviewer: 'editor_role_required', earlierReviewer: 'editor_role_required', freshApprover: 'editor_role_required', earlierApprover: 'editor_role_required', admin: 'editor_role_required', resident: 'editor_role_required' },
    submit: { author: 'post_wrong_state', otherEditor: 'post_wrong_state', freshReviewer: 'editor_role_required', earlierReviewer: 'editor_role_required', freshApprover: 'editor_role_required', earlierApprover: 'editor_role_required', admin: 'editor_role_required', resident: 'editor_role_required' },
    approve: { author: 'post_wrong_state', otherEditor: 'post_wrong_state', freshReviewer: 'post_wrong_state', earlierReviewer: 'post_wrong_state', freshApprover: 'post_wrong_state', earlierApprover: 'post_wrong_state', admin: 'post_wrong_state', resident: 'post_wrong_state' },
    reject: { author: 'post_wrong_state', otherEditor: 'post_wrong_state', freshReviewer: 'post_wrong_state', earlierReviewer: 'post_wrong_state', freshApprover: 'post_wrong_state', earlierApprover: 'post_wrong_state', admin: 'post_wrong_state', resident: 'post_wrong_state' },
    unpublish: { author: '→ unpublished', otherEditor: 'review_role_required', freshReviewer: 'review_role_required', earlierReviewer: 'review_role_required', freshApprover: '→ unpublished', earlierApprover: '→ unpublished', admin: '→ unpublished', resident: 'review_role_required' },
  },
  unpublished: {
    edit: { author: '→ draft', otherEditor: '→ draft', freshReviewer: 'editor_role_required', earlierReviewer: 'editor_role_required', freshApprover: 'editor_role_required', earlierApprover: 'editor_role_required', admin: 'editor_role_required', resident: 'editor_role_required' },
    submit: { author: 'post_wrong_state', otherEditor: 'post_wrong_state', freshReviewer: 'editor_role_required', earlierReviewer: 'editor_role_required', freshApprover: 'editor_role_required', earlierApprover: 'editor_role_required', admin: 'editor_role_required', resident: 'editor_role_required' },
    approve: { author: 'post_wrong_state', otherEditor: 'post_wrong_state', freshReviewer: 'post_wrong_state', earlierReviewer: 'post_wrong_state', freshApprover: 'post_wrong_state', earlierApprover: 'post_wrong_state', admin: 'post_wrong_state', resident: 'post_wrong_state' },
    reject: { author: 'post_wrong_state', otherEditor: 'post_wrong_state', freshReviewer: 'post_wrong_state', earlierReviewer: 'post_wrong_state', freshApprover: 'post_wrong_state', earlierApprover: 'post_wrong_state', admin: 'post_wrong_state', resident: 'post_wrong_state' },
    unpublish: { author: 'post_wrong_state', otherEditor: 'review_role_required', freshReviewer: 'review_role_required', earlierReviewer: 'review_role_required', freshApprover: 'post_wrong_state', earlierApprover: 'post_wrong_state', admin: 'post_wrong_state', resident: 'review_role_required' },
  },
};

function outcome(status: PostStatus, action: PostAction, actor: PostActor): string {
  const decision = decidePostAction({ status, authorId: AUTHOR }, REVIEWS[status], actor, { action, text: '请核对数据来源' });
  return decision.ok ? `→ ${decision.status}` : decision.code;
}

describe('三审三校 state machine', () => {
  describe.each(POST_STATUSES.map((status) => [status]))('a post in %s', (status) => {
    it.each(ACTIONS.flatMap((action) => Object.keys(ACTORS).map((actor) => [action, actor])))(
      '%s by %s',
      (action, actor) => {
        expect(outcome(status, action as PostAction, ACTORS[actor])).toBe(EXPECTED[status][action as PostAction][actor]);
      },
    );
  });

  it('walks a post through three different people to publication', () => {
    const reviews: VersionReview[] = [];
    let status: PostStatus = 'first_review';
    for (const [actor, stage] of [
      [ACTORS.freshReviewer, 'first'],
      [ACTORS.earlierReviewer, 'second'],
      [ACTORS.freshApprover, 'final'],
    ] as const) {
      const decision = decidePostAction({ status, authorId: AUTHOR }, reviews, actor, { action: 'approve' });
      expect(decision).toMatchObject({ ok: true, stage });
      if (!decision.ok) return;
      reviews.push({ stage, reviewerId: actor.userId });
      status = decision.status;
    }
    expect(status).toBe('published');
  });

  it('refuses a rejection without a comment, and an unpublish without a reason', () => {
    for (const text of [undefined, '', '   ']) {
      expect(decidePostAction({ status: 'first_review', authorId: AUTHOR }, [], ACTORS.freshReviewer, { action: 'reject', text })).toEqual({
        ok: false,
        code: 'comment_required',
        stage: 'first',
      });
      expect(decidePostAction({ status: 'published', authorId: AUTHOR }, [], ACTORS.admin, { action: 'unpublish', text })).toEqual({
        ok: false,
        code: 'reason_required',
      });
    }
  });
});
