import {
  PERSONAL_CODE_VALID_DAYS,
  derivePersonalCodeKey,
  parseCheckinCode,
  parsePersonalCode,
  personalCode,
  personalCodeExpiresAt,
  shanghaiDayNumber,
  verifyPersonalCode,
  type PersonalCode,
} from '../../src/core/checkin';
import { shanghaiDay } from '../../src/core/time';

const KEY = derivePersonalCodeKey('test-master-secret-of-at-least-32-characters');
const OTHER_KEY = derivePersonalCodeKey('another-master-secret-of-32-characters-x');
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DAY_MS = 24 * 3600 * 1000;

/** 2026-11-29 10:00 Shanghai. */
const ISSUED_AT = Date.UTC(2026, 10, 29, 2, 0, 0);
/** 2026-11-29 00:00 Shanghai. */
const ISSUE_DAY_START = Date.UTC(2026, 10, 28, 16, 0, 0);

function issue(userId: number, at = ISSUED_AT): PersonalCode {
  const parsed = parsePersonalCode(personalCode(KEY, userId, at));
  if (!parsed) throw new Error('a freshly issued code did not parse');
  return parsed;
}

describe('Shanghai day numbers', () => {
  it('change at Shanghai midnight, agreeing with shanghaiDay', () => {
    expect(shanghaiDayNumber(ISSUE_DAY_START)).toBe(shanghaiDayNumber(ISSUE_DAY_START - 1) + 1);
    for (const instant of [ISSUE_DAY_START - 1, ISSUE_DAY_START, ISSUED_AT, Date.UTC(2027, 0, 1, 15, 59, 59)]) {
      expect(new Date(shanghaiDayNumber(instant) * DAY_MS).toISOString().slice(0, 10)).toBe(shanghaiDay(new Date(instant)));
    }
  });
});

describe('personal check-in codes (我的签到码)', () => {
  it('round-trips issue → parse → verify for many users', () => {
    for (const userId of [1, 2, 7, 10, 99, 12345, 2 ** 31, 999_999_999_999_999]) {
      const text = personalCode(KEY, userId, ISSUED_AT);
      expect(text).toMatch(new RegExp(`^ywk-p:${userId}:${shanghaiDayNumber(ISSUED_AT)}:[A-Za-z0-9_-]{16}$`));
      expect(verifyPersonalCode(parsePersonalCode(text)!, KEY, ISSUED_AT + 3_600_000)).toEqual({ ok: true, userId });
    }
  });

  it('is not a screen code, and a screen code is not a personal code', () => {
    const text = personalCode(KEY, 7, ISSUED_AT);
    expect(parseCheckinCode(text)).toBeNull();
    expect(parsePersonalCode(`/c/7/88888888/${text.slice(-16)}`)).toBeNull();
  });

  it('refuses every change to every character of the MAC', () => {
    const code = issue(7);
    for (let position = 0; position < code.mac.length; position++) {
      for (const replacement of ALPHABET) {
        if (replacement === code.mac[position]) continue;
        const mac = code.mac.slice(0, position) + replacement + code.mac.slice(position + 1);
        expect(verifyPersonalCode({ ...code, mac }, KEY, ISSUED_AT)).toEqual({ ok: false, code: 'personal_code_invalid' });
      }
    }
  });

  it('refuses another user\'s id written over one\'s own code', () => {
    const own = issue(7);
    for (const userId of [1, 6, 8, 70, 17, 77]) {
      expect(verifyPersonalCode({ ...own, userId }, KEY, ISSUED_AT)).toEqual({ ok: false, code: 'personal_code_invalid' });
      expect(parsePersonalCode(`ywk-p:${userId}:${own.issuedDay}:${own.mac}`)).not.toBeNull();
    }
  });

  it('refuses a re-dated code and a code signed under another master secret', () => {
    const own = issue(7);
    expect(verifyPersonalCode({ ...own, issuedDay: own.issuedDay + 1 }, KEY, ISSUED_AT)).toEqual({ ok: false, code: 'personal_code_invalid' });
    expect(verifyPersonalCode({ ...own, issuedDay: own.issuedDay - 1 }, KEY, ISSUED_AT)).toEqual({ ok: false, code: 'personal_code_invalid' });
    expect(verifyPersonalCode(own, OTHER_KEY, ISSUED_AT)).toEqual({ ok: false, code: 'personal_code_invalid' });
  });

  it('is good for the day of issue and six more Shanghai days, then expired', () => {
    expect(PERSONAL_CODE_VALID_DAYS).toBe(7);
    const code = issue(7);
    const expiresAt = Date.parse(personalCodeExpiresAt(code.issuedDay));
    expect(expiresAt).toBe(ISSUE_DAY_START + 7 * DAY_MS);
    expect(personalCodeExpiresAt(code.issuedDay)).toBe('2026-12-05T16:00:00.000Z');
    expect(verifyPersonalCode(code, KEY, ISSUE_DAY_START)).toEqual({ ok: true, userId: 7 });
    expect(verifyPersonalCode(code, KEY, expiresAt - 1)).toEqual({ ok: true, userId: 7 });
    expect(verifyPersonalCode(code, KEY, expiresAt)).toEqual({ ok: false, code: 'personal_code_expired' });
    expect(verifyPersonalCode(code, KEY, expiresAt + 365 * DAY_MS)).toEqual({ ok: false, code: 'personal_code_expired' });
  });

  it('dates a code issued just before Shanghai midnight on that day', () => {
    const lateEvening = issue(7, ISSUE_DAY_START - 1);
    expect(lateEvening.issuedDay).toBe(shanghaiDayNumber(ISSUE_DAY_START) - 1);
    expect(verifyPersonalCode(lateEvening, KEY, ISSUE_DAY_START + 6 * DAY_MS - 1)).toEqual({ ok: true, userId: 7 });
    expect(verifyPersonalCode(lateEvening, KEY, ISSUE_DAY_START + 6 * DAY_MS)).toEqual({ ok: false, code: 'personal_code_expired' });
  });

  it('accepts an offline scan stamped up to a day before issue, not earlier', () => {
    const code = issue(7);
    expect(verifyPersonalCode(code, KEY, ISSUE_DAY_START - DAY_MS)).toEqual({ ok: true, userId: 7 });
    expect(verifyPersonalCode(code, KEY, ISSUE_DAY_START - DAY_MS - 1)).toEqual({ ok: false, code: 'personal_code_invalid' });
  });

  it('refuses malformed text without throwing', () => {
    const text = personalCode(KEY, 7, ISSUED_AT);
    const [, , day, mac] = text.split(':');
    const malformed: unknown[] = [
      '',
      'ywk-p:',
      `ywk-p:7:${day}`,
      `ywk-p:7:${day}:`,
      `YWK-P:7:${day}:${mac}`,
      `ywk-x:7:${day}:${mac}`,
      `ywk-p:07:${day}:${mac}`,
      `ywk-p:0:${day}:${mac}`,
      `ywk-p:-7:${day}:${mac}`,
      `ywk-p:7a:${day}:${mac}`,
      `ywk-p:7:${day}x:${mac}`,
      `ywk-p:7:0${day}:${mac}`,
      `ywk-p:7:${day}:${mac.slice(1)}`,
      `ywk-p:7:${day}:${mac}=`,
      `ywk-p:7:${day}:${mac.slice(2)}==`,
      `ywk-p:7:${day}:${mac}:x`,
      `ywk-p:7:${day}:${mac}\n`,
      ` ${text}`,
      `https://h.cn/${text}`,
      `${text}${'A'.repeat(100_000)}`,
      undefined,
      null,
      7,
      { userId: 7 },
    ];
    for (const input of malformed) {
      expect(() => parsePersonalCode(input)).not.toThrow();
      expect([input, parsePersonalCode(input)]).toEqual([input, null]);
    }
  });

  it('refuses hand-made codes that could not have been parsed', () => {
    const code = issue(7);
    for (const forged of [{ ...code, userId: Number.NaN }, { ...code, issuedDay: 1.5 }, { ...code, mac: `${code.mac}A` }]) {
      expect(verifyPersonalCode(forged, KEY, ISSUED_AT)).toEqual({ ok: false, code: 'personal_code_invalid' });
    }
  });
});
