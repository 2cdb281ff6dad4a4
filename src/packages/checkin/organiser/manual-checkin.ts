import type { ManualCheckinBody } from '../../../core/api/checkin';

/** 代签到 form rules, the same as the server's (ManualCheckinBody), so a refusal is caught before sending. */

export const MANUAL_NAME_MAX_CHARS = 40;
const PHONE_PATTERN = /^1[0-9]{10}$/;

export type ManualCheckinForm = { ok: true; body: ManualCheckinBody } | { ok: false; problem: string };

/**
 * Reads what the organiser typed. Spaces and dashes in a phone number are dropped, since people
 * write 138 1234 5678 the way it is printed on a card; the phone may be left empty.
 */
export function readManualCheckin(name: string, phone: string, nonce: string): ManualCheckinForm {
  const trimmedName = name.trim();
  if (!trimmedName) return { ok: false, problem: '请填写姓名' };
  // Counted in characters as people see them, the way the server's schema counts.
  if (Array.from(trimmedName).length > MANUAL_NAME_MAX_CHARS) {
    return { ok: false, problem: `姓名最多 ${MANUAL_NAME_MAX_CHARS} 个字` };
  }
  const digits = phone.replace(/[\s-]/g, '');
  if (digits && !PHONE_PATTERN.test(digits)) {
    return { ok: false, problem: '手机号应为 1 开头的 11 位数字，也可以不填' };
  }
  return { ok: true, body: digits ? { name: trimmedName, phone: digits, nonce } : { name: trimmedName, nonce } };
}
