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
  Attendance,
  AttendanceEntry,
  AttendanceQuery,
  CheckinCodeInfo,
  CheckinResult,
  ManualCheckinBody,
  MyCheckins,
  PersonalCheckinBody,
  PersonalCheckinResult,
  PersonalCodeInfo,
  ScanCheckinBody,
  TodayTalks,
} from '../core/api/checkin';
import type {
  AcceptBody,
  AcceptResult,
  AdminRequestQuery,
  CancelBody,
  CandidateList,
  CommunityList,
  DeclineBody,
  DispatchBody,
  FeedbackBody,
  FeedbackResult,
  IdPageQuery,
  OfferResult,
  RegistrationResult,
  SpeakerOfferList,
  SpeakerProfile,
  SpeakerProfileBody,
  SpeakerTalkList,
  TalkCalendar,
  TalkCalendarQuery,
  TalkDetail,
  TalkRequestBody,
  TalkRequestPage,
  TalkRequestView,
  TalkSummary,
  TopicList,
} from '../core/api/booking';
import type { LedgerExportLink, LedgerQuery, LedgerStats } from '../core/api/ledger';
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

  readProgress: (id: number) => request<ReadProgress>({ method: 'GET', path: `/api/posts/${id}/reads/mine` }),
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

/** 接单 for speakers: the offer inbox, accept or decline, 我的宣讲 and the speaker's own profile. */
export const speakerApi = {
  offers: () => request<SpeakerOfferList>({ method: 'GET', path: '/api/speaker/offers' }),

  accept: (offerId: number, body: AcceptBody) =>
    request<AcceptResult>({ method: 'POST', path: `/api/offers/${offerId}/accept`, body }),

  decline: (offerId: number, body: DeclineBody) =>
    request<OfferResult>({ method: 'POST', path: `/api/offers/${offerId}/decline`, body }),

  talks: () => request<SpeakerTalkList>({ method: 'GET', path: '/api/speaker/talks' }),

  profile: () => request<SpeakerProfile>({ method: 'GET', path: '/api/speaker/profile' }),

  updateProfile: (body: SpeakerProfileBody) =>
    request<SpeakerProfile>({ method: 'PUT', path: '/api/speaker/profile', body }),
};

/** Talks: the public 宣讲日历, 我要参加, marking a talk held, and 评单. */
export const talksApi = {
  calendar: (query: TalkCalendarQuery) =>
    request<TalkCalendar>({ method: 'GET', path: '/api/talks', query, authenticated: false }),

  // One talk with the viewer's own state (registered, may rate); needs a signed-in viewer.
  get: (talkId: number) => request<TalkDetail>({ method: 'GET', path: `/api/talks/${talkId}` }),

  register: (talkId: number) =>
    request<RegistrationResult>({ method: 'POST', path: `/api/talks/${talkId}/registrations`, body: {} }),

  unregister: (talkId: number) =>
    request<RegistrationResult>({ method: 'DELETE', path: `/api/talks/${talkId}/registrations/mine`, body: {} }),

  markHeld: (talkId: number) => request<TalkSummary>({ method: 'POST', path: `/api/talks/${talkId}/held`, body: {} }),

  rate: (talkId: number, body: FeedbackBody) =>
    request<FeedbackResult>({ method: 'POST', path: `/api/talks/${talkId}/feedback`, body }),
};

/** 派单 for dispatchers: the request queue, the ranked candidates, and dispatch to a named speaker. */
export const dispatchApi = {
  queue: (query: AdminRequestQuery) =>
    request<TalkRequestPage>({ method: 'GET', path: '/api/admin/talk-requests', query }),

  candidates: (requestId: number) =>
    request<CandidateList>({ method: 'GET', path: `/api/admin/talk-requests/${requestId}/candidates` }),

  dispatch: (requestId: number, body: DispatchBody) =>
    request<TalkRequestView>({ method: 'POST', path: `/api/admin/talk-requests/${requestId}/dispatch`, body }),
};

/** 签到 for a talk's organiser: the code key, attendance, 代签到 and scanning personal codes. */
export const organiserApi = {
  codeKey: (talkId: number) => request<CheckinCodeInfo>({ method: 'GET', path: `/api/talks/${talkId}/checkin-code` }),

  attendance: (talkId: number, query: AttendanceQuery = {}) =>
    request<Attendance>({ method: 'GET', path: `/api/talks/${talkId}/attendance`, query }),

  checkInByHand: (talkId: number, body: ManualCheckinBody) =>
    request<AttendanceEntry>({ method: 'POST', path: `/api/talks/${talkId}/checkins/manual`, body }),

  checkInPersonalCode: (body: PersonalCheckinBody) =>
    request<PersonalCheckinResult>({ method: 'POST', path: '/api/checkins/personal', body }),
};

/** 签到台账 for the street's and communities' staff: a year's totals, and the link to its workbook. */
export const ledgerApi = {
  stats: (query: LedgerQuery) => request<LedgerStats>({ method: 'GET', path: '/api/admin/stats', query }),

  // The POST is the audited act of exporting; the link it answers downloads without a token.
  exportLink: (body: LedgerQuery) =>
    request<LedgerExportLink>({ method: 'POST', path: '/api/admin/exports/attendance', body }),
};
