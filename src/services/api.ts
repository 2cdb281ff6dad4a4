import type {
  AuthOptions,
  DevLoginBody,
  Me,
  PasswordLoginBody,
  Session,
  UpdateMeBody,
} from '../core/api/auth';
import type {
  PostDetail,
  PostDraftBody,
  PostEditBody,
  PostListQuery,
  PostPage,
  ReadProgress,
  ReadReportBody,
  ReviewBody,
  StaffPost,
  StaffPostListQuery,
  StaffPostPage,
  StudyRecord,
  StudyRecordQuery,
  UnpublishBody,
} from '../core/api/posts';
import type {
  CheckinResult,
  MyCheckins,
  PersonalCodeInfo,
  ScanCheckinBody,
  TodayTalks,
} from '../core/api/checkin';
import type {
  CancelBody,
  CommunityList,
  IdPageQuery,
  TalkRequestBody,
  TalkRequestPage,
  TalkRequestView,
  TopicList,
} from '../core/api/booking';
import { request } from './http';

/** Sign-in endpoints. They answer with a Session; storing it is the caller's job (see auth.ts). */
export const authApi = {
  options: () => request<AuthOptions>({ method: 'GET', path: '/api/auth/options', authenticated: false }),

  devLogin: (body: DevLoginBody) =>
    request<Session>({ method: 'POST', path: '/api/auth/dev', body, authenticated: false }),

  passwordLogin: (body: PasswordLoginBody) =>
    request<Session>({ method: 'POST', path: '/api/auth/password', body, authenticated: false }),

  wechatLogin: (code: string) =>
    request<Session>({ method: 'POST', path: '/api/auth/wechat', body: { code }, authenticated: false }),

  // The refresh token names the session to end; the access token may already have expired.
  logout: (refreshToken: string) =>
    request<void>({ method: 'POST', path: '/api/auth/logout', body: { refreshToken }, authenticated: false }),
};

/** The signed-in user (我的). */
export const meApi = {
  get: () => request<Me>({ method: 'GET', path: '/api/me' }),
  update: (body: UpdateMeBody) => request<Me>({ method: 'PATCH', path: '/api/me', body }),
};

/** 云上微课堂 for residents: the feed, one post, and reading reports. */
export const postsApi = {
  list: (query: PostListQuery) => request<PostPage>({ method: 'GET', path: '/api/posts', query }),

  get: (id: number) => request<PostDetail>({ method: 'GET', path: `/api/posts/${id}` }),

  reportRead: (id: number, body: ReadReportBody) =>
    request<ReadProgress>({ method: 'POST', path: `/api/posts/${id}/reads`, body }),
};

/** 我的学习: study totals, 学习积分 and the studied posts. */
export const studyApi = {
  record: (query: StudyRecordQuery) => request<StudyRecord>({ method: 'GET', path: '/api/me/study', query }),
};

/** 三审三校 for staff: drafts, the review queue, and each step of a post's review. */
export const adminPostsApi = {
  list: (query: StaffPostListQuery) =>
    request<StaffPostPage>({ method: 'GET', path: '/api/admin/posts', query }),

  get: (id: number) => request<StaffPost>({ method: 'GET', path: `/api/admin/posts/${id}` }),

  create: (body: PostDraftBody) => request<StaffPost>({ method: 'POST', path: '/api/admin/posts', body }),

  update: (id: number, body: PostEditBody) =>
    request<StaffPost>({ method: 'PATCH', path: `/api/admin/posts/${id}`, body }),

  // An empty object, not no body: wx.request always labels the body JSON, and the server refuses
  // an empty body labelled JSON.
  submit: (id: number) => request<StaffPost>({ method: 'POST', path: `/api/admin/posts/${id}/submit`, body: {} }),

  review: (id: number, body: ReviewBody) =>
    request<StaffPost>({ method: 'POST', path: `/api/admin/posts/${id}/review`, body }),

  unpublish: (id: number, body: UnpublishBody) =>
    request<StaffPost>({ method: 'POST', path: `/api/admin/posts/${id}/unpublish`, body }),
};

/** 签到 for attendees: scanning a talk's code, today's talks, the record and 我的签到码. */
export const checkinApi = {
  // A refusal (expired_code, not_open, outside_area, …) arrives as an ApiError carrying its code.
  scan: (body: ScanCheckinBody) => request<CheckinResult>({ method: 'POST', path: '/api/checkins', body }),

  todayTalks: () => request<TodayTalks>({ method: 'GET', path: '/api/me/talks/today' }),

  myCheckins: () => request<MyCheckins>({ method: 'GET', path: '/api/me/checkins' }),

  myCode: () => request<PersonalCodeInfo>({ method: 'GET', path: '/api/me/checkin-code' }),
};

/** 百姓点单 for residents: the 宣讲菜单, communities with their venues, and one's own requests. */
export const bookingApi = {
  topics: () => request<TopicList>({ method: 'GET', path: '/api/topics', authenticated: false }),

  communities: () => request<CommunityList>({ method: 'GET', path: '/api/communities', authenticated: false }),

  submit: (body: TalkRequestBody) => request<TalkRequestView>({ method: 'POST', path: '/api/talk-requests', body }),

  mine: (query: IdPageQuery) => request<TalkRequestPage>({ method: 'GET', path: '/api/talk-requests/mine', query }),

  get: (id: number) => request<TalkRequestView>({ method: 'GET', path: `/api/talk-requests/${id}` }),

  cancel: (id: number, body: CancelBody) =>
    request<TalkRequestView>({ method: 'POST', path: `/api/talk-requests/${id}/cancel`, body }),
};
