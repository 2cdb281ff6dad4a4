import type { Session } from '../../src/core/api/auth';
import type { PostDraftBody, StaffPost } from '../../src/core/api/posts';
import type { Role } from '../../src/core/roles';
import type { TestApp } from './app';

/** The people one post passes through: an editor and the three different people of 三审三校. */
export interface Newsroom {
  streetId: number;
  editor: Session;
  firstReviewer: Session;
  secondReviewer: Session;
  approver: Session;
}

/** Street-level staff, named so that every call with the same prefix is the same people. */
export async function openNewsroom(app: TestApp, prefix = ''): Promise<Newsroom> {
  const editor = await app.login('editor', `${prefix}编辑李晓雯`);
  return {
    streetId: editor.user.roles.find((grant) => grant.role === 'editor')!.unitId,
    editor,
    firstReviewer: await app.login('reviewer', `${prefix}初审陈静`),
    secondReviewer: await app.login('reviewer', `${prefix}复审刘芳`),
    approver: await app.login('approver', `${prefix}终审周建国`),
  };
}

let serial = 0;

export function draftBody(unitId: number, overrides: Partial<PostDraftBody> = {}): PostDraftBody {
  serial += 1;
  return {
    title: `学习笔记第${serial}篇`,
    category: 'theory',
    summary: '社区理论学习摘要',
    bodyHtml: '<p>学习贯彻党的二十大精神，把理论学习落实到为居民办实事上。</p>',
    source: '测试街道宣传办',
    unitId,
    ...overrides,
  };
}

async function expectOk(response: { statusCode: number; body: string }, step: string) {
  if (response.statusCode >= 300) throw new Error(`${step} failed: ${response.statusCode} ${response.body}`);
}

export async function createDraft(app: TestApp, editor: Session, body: PostDraftBody): Promise<StaffPost> {
  const response = await app.request(editor, { method: 'POST', url: '/api/admin/posts', payload: body });
  await expectOk(response, 'create draft');
  return response.json();
}

export async function submit(app: TestApp, editor: Session, postId: number): Promise<StaffPost> {
  const response = await app.request(editor, { method: 'POST', url: `/api/admin/posts/${postId}/submit` });
  await expectOk(response, 'submit');
  return response.json();
}

export function review(app: TestApp, reviewer: Session, postId: number, decision: 'approve' | 'reject', comment?: string) {
  return app.request(reviewer, {
    method: 'POST',
    url: `/api/admin/posts/${postId}/review`,
    payload: comment === undefined ? { decision } : { decision, comment },
  });
}

export async function approve(app: TestApp, reviewer: Session, postId: number): Promise<StaffPost> {
  const response = await review(app, reviewer, postId, 'approve');
  await expectOk(response, 'approve');
  return response.json();
}

/** Drafts a post and takes it through all three stages; it is published when this returns. */
export async function publishPost(app: TestApp, room: Newsroom, overrides: Partial<PostDraftBody> = {}): Promise<StaffPost> {
  const draft = await createDraft(app, room.editor, draftBody(overrides.unitId ?? room.streetId, overrides));
  await submit(app, room.editor, draft.id);
  await approve(app, room.firstReviewer, draft.id);
  await approve(app, room.secondReviewer, draft.id);
  return approve(app, room.approver, draft.id);
}

/** A community (no API creates units: they come from the street's setup). */
export async function addCommunity(app: TestApp, streetId: number, code: string, name: string): Promise<number> {
  const row = await app.app.db
    .insertInto('units')
    .values({ kind: 'community', name, parent_id: streetId, code, created_at: app.clock.now().toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const STAFF_PASSWORD = 'Qiantang-Tide-2026!';

/** A staff account created by an admin, holding `roles` for one unit, signed in by password. */
export async function staffAccount(
  app: TestApp,
  admin: Session,
  username: string,
  roles: { role: Role; unitId: number }[],
): Promise<Session> {
  const created = await app.request(admin, {
    method: 'POST',
    url: '/api/admin/staff',
    payload: { username, name: username, password: STAFF_PASSWORD, roles },
  });
  await expectOk(created, 'create staff');
  const login = await app.app.inject({ method: 'POST', url: '/api/auth/password', payload: { username, password: STAFF_PASSWORD } });
  await expectOk(login, 'staff login');
  return login.json();
}

export async function feedIds(app: TestApp, query = ''): Promise<number[]> {
  const response = await app.request(null, { method: 'GET', url: `/api/posts${query}` });
  await expectOk(response, 'feed');
  return response.json().items.map((item: { id: number }) => item.id);
}
