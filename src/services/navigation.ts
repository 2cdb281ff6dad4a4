import Taro from '@tarojs/taro';

/** Page paths, so a page never spells another page's route. */
export const PAGES = {
  study: '/pages/study/index',
  order: '/pages/order/index',
  checkin: '/pages/checkin/index',
  mine: '/pages/mine/index',
  login: '/packages/account/login/index',
  postDetail: '/packages/post/detail/index',
  studyRecord: '/packages/post/study/index',
  staffPosts: '/packages/admin/posts/index',
  postEditor: '/packages/admin/editor/index',
  postReview: '/packages/admin/review/index',
  checkinScan: '/packages/checkin/scan/index',
  myCheckinCode: '/packages/checkin/my-code/index',
} as const;

/** The link that opens one post; shared posts carry it to friends and 朋友圈. */
export function postDetailPath(postId: number): string {
  return `${PAGES.postDetail}?id=${postId}`;
}

/** The query of a shared post's link, for 朋友圈, which takes the query apart from the path. */
export function postShareQuery(postId: number): string {
  return `id=${postId}`;
}

/** A page's numeric id parameter (`?id=12`), or null when it is missing or not an id. */
export function idParam(params: Record<string, string | undefined> | undefined): number | null {
  const id = Number(params?.id);
  return Number.isInteger(id) && id > 0 ? id : null;
}

export function openPostDetail(postId: number): Promise<unknown> {
  return Taro.navigateTo({ url: postDetailPath(postId) });
}

export function openStudyRecord(): Promise<unknown> {
  return Taro.navigateTo({ url: PAGES.studyRecord });
}

export function openStaffPosts(): Promise<unknown> {
  return Taro.navigateTo({ url: PAGES.staffPosts });
}

/** The editor for a new post, or for an existing one. */
export function openPostEditor(postId?: number): Promise<unknown> {
  return Taro.navigateTo({ url: postId ? `${PAGES.postEditor}?id=${postId}` : PAGES.postEditor });
}

export function openPostReview(postId: number): Promise<unknown> {
  return Taro.navigateTo({ url: `${PAGES.postReview}?id=${postId}` });
}

/** After submitting, the editor gives way to the post's review page (back returns to the list). */
export function replaceWithPostReview(postId: number): Promise<unknown> {
  return Taro.redirectTo({ url: `${PAGES.postReview}?id=${postId}` });
}

export function openLoginPage(): Promise<unknown> {
  return Taro.navigateTo({ url: PAGES.login });
}

export function openMineTab(): Promise<unknown> {
  return Taro.switchTab({ url: PAGES.mine });
}

export function isCurrentPage(path: string): boolean {
  const pages = Taro.getCurrentPages();
  const route = pages[pages.length - 1]?.route ?? '';
  return `/${route.replace(/^\//, '')}` === path;
}
