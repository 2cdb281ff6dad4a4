/**
 * The one list of error codes. The server answers every failure as
 * `{ code, message, details }` with the status below; the app shows `message` and acts on `code`.
 */
export const ERRORS = {
  validation_failed: { status: 400, message: '提交的内容有误，请检查后重试' },
  bad_json: { status: 400, message: '请求格式有误' },
  payload_too_large: { status: 413, message: '提交的内容过大' },
  unauthenticated: { status: 401, message: '请先登录' },
  token_expired: { status: 401, message: '登录已过期，请重新登录' },
  invalid_token: { status: 401, message: '登录凭证无效，请重新登录' },
  forbidden: { status: 403, message: '没有权限进行此操作' },
  not_found: { status: 404, message: '内容不存在或已删除' },
  method_not_allowed: { status: 405, message: '不支持的请求方式' },
  unsupported_media_type: { status: 415, message: '不支持的内容类型' },
  conflict: { status: 409, message: '操作冲突，请刷新后重试' },
  rate_limited: { status: 429, message: '操作过于频繁，请稍后再试' },
  internal_error: { status: 500, message: '系统繁忙，请稍后再试' },

  invalid_credentials: { status: 401, message: '用户名或密码错误' },
  account_locked: { status: 423, message: '密码错误次数过多，账号已暂时锁定' },
  weak_password: { status: 400, message: '密码强度不够' },
  username_taken: { status: 409, message: '用户名已被占用' },
  refresh_invalid: { status: 401, message: '登录已失效，请重新登录' },

  post_wrong_state: { status: 409, message: '文章当前状态不能进行此操作' },
  editor_role_required: { status: 403, message: '只有编辑可以修改或提交文章' },
  review_role_required: { status: 403, message: '您没有这一审核环节的权限' },
  reviewer_is_author: { status: 403, message: '作者不能审核自己的文章' },
  reviewer_already_reviewed: { status: 403, message: '同一人不能审核同一篇文章的两个环节' },
  comment_required: { status: 400, message: '退回修改时请填写审核意见' },
  reason_required: { status: 400, message: '撤回文章时请填写原因' },

  wechat_code_invalid: { status: 400, message: '微信登录凭证无效，请重新进入小程序' },
  wechat_code_used: { status: 400, message: '微信登录凭证已使用，请重新进入小程序' },
  wechat_rate_limited: { status: 429, message: '微信登录过于频繁，请稍后再试' },
  wechat_user_blocked: { status: 403, message: '该微信账号存在风险，暂不能登录' },
  wechat_unavailable: { status: 502, message: '微信服务暂时不可用，请稍后再试' },

  // 签到 refusals, one per cause (src/core/checkin). A repeat check-in is not an error: 200 已签到.
  invalid_code: { status: 400, message: '无效的二维码' },
  expired_code: { status: 400, message: '二维码已过期，请重新扫描' },
  code_not_yet_valid: { status: 400, message: '二维码时间有误，请组织者校准手机时间' },
  not_open: { status: 409, message: '签到尚未开始' },
  closed: { status: 409, message: '签到已结束' },
  location_required: { status: 400, message: '此场地签到需要获取您的位置' },
  outside_area: { status: 403, message: '不在签到范围内' },
  personal_code_invalid: { status: 400, message: '无效的个人签到码' },
  personal_code_expired: { status: 400, message: '个人签到码已过期，请重新打开我的签到码' },
  scan_time_in_future: { status: 400, message: '扫码时间晚于当前时间，请校准手机时间后重新扫描' },
  offline_sync_too_late: { status: 409, message: '离线签到上传过晚，请联系组织者代签到' },
  talk_cancelled: { status: 409, message: '这场宣讲已取消，无需签到' },

  // 百姓点单 (src/core/booking): 点单, 派单, 接单, 评单 refusals, one per cause.
  talk_request_wrong_state: { status: 409, message: '点单当前状态不能进行此操作' },
  topic_unavailable: { status: 400, message: '该宣讲主题暂不可点' },
  venue_not_in_community: { status: 400, message: '所选场地不属于该社区' },
  community_has_no_venue: { status: 409, message: '该社区暂无可用场地，请选择其他社区' },
  not_a_speaker: { status: 403, message: '您还不是登记的宣讲员' },
  offer_not_yours: { status: 403, message: '这不是派给您的单' },
  offer_taken: { status: 409, message: '该单已被处理，请刷新后查看' },
  offer_expired: { status: 409, message: '接单时限已过' },
  slot_outside_windows: { status: 400, message: '所选时间不在点单的时间段内' },
  speaker_busy: { status: 409, message: '该时间与您已安排的宣讲冲突（含路程）' },
  weekly_limit_reached: { status: 409, message: '本周接单已达上限' },
  speaker_not_eligible: { status: 409, message: '该宣讲员目前不能接此单' },
  talk_wrong_state: { status: 409, message: '宣讲当前状态不能进行此操作' },
  talk_not_started: { status: 409, message: '宣讲尚未开始' },
  talk_full: { status: 409, message: '名额已满' },
  already_rated: { status: 409, message: '您已评价过这场宣讲' },
  not_attendee: { status: 403, message: '只有点单人和参加者可以评价' },

  // 签到台账 export links (server/services/ledger/tickets.ts).
  download_link_invalid: { status: 403, message: '下载链接无效，请重新导出' },
  download_link_expired: { status: 410, message: '下载链接已过期，请重新导出' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

/** An expected refusal. The server's error handler turns it into the error shape. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, details?: Record<string, unknown>, message?: string) {
    super(message ?? ERRORS[code].message);
    this.name = 'AppError';
    this.code = code;
    this.status = ERRORS[code].status;
    this.details = details;
  }

  toBody(): ErrorBody {
    return this.details
      ? { code: this.code, message: this.message, details: this.details }
      : { code: this.code, message: this.message };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERRORS, value);
}
