import { parseCheckinCode, verifyCheckinCode, windowAt } from '../../../src/core/checkin';
import { readManualCheckin } from '../../../src/packages/checkin/organiser/manual-checkin';
import {
  clockOffsetMs,
  correctedTime,
  msUntilNextSecond,
  screenCodeAt,
  secondsUntilNextCode,
} from '../../../src/packages/checkin/organiser/rotating-code';
import { CLOSES_AT, OPENS_AT, codeInfo, expectedCodeUrl, talkKey } from '../support/organiser-fixtures';

const serverNow = Date.parse('2026-11-29T06:20:05.000Z');

describe('clock correction', () => {
  it('takes the server’s time at the middle of the round trip', () => {
    // Phone 90 s slow; the answer took 2 s, so the server stamped it about 1 s after sending.
    const requestedAt = serverNow - 90_000 - 1_000;
    const answeredAt = serverNow - 90_000 + 1_000;

    const offset = clockOffsetMs('2026-11-29T06:20:05.000Z', requestedAt, answeredAt);

    expect(offset).toBe(90_000);
    expect(correctedTime(answeredAt, offset)).toBe(serverNow + 1_000);
  });

  it('is negative for a phone that runs fast', () => {
    expect(clockOffsetMs('2026-11-29T06:20:05.000Z', serverNow + 30_000, serverNow + 30_000)).toBe(-30_000);
  });

  it('leaves the clock alone when the server time cannot be read', () => {
    expect(clockOffsetMs('not a time', serverNow, serverNow)).toBe(0);
  });
});

describe('the code for now', () => {
  it('is the check-in URL for the current window, made from the talk’s key', () => {
    const code = screenCodeAt(codeInfo(), talkKey, serverNow);

    expect(code).toEqual({
      state: 'open',
      window: windowAt(serverNow),
      text: expectedCodeUrl(serverNow),
      secondsLeft: 15,
    });
  });

  it('is a code the server accepts at that moment', () => {
    const code = screenCodeAt(codeInfo(), talkKey, serverNow);
    if (code.state !== 'open') throw new Error('expected an open code');

    const parsed = parseCheckinCode(code.text);
    expect(parsed).not.toBeNull();
    expect(verifyCheckinCode(parsed!, talkKey, serverNow)).toEqual({ ok: true });
  });

  it('changes exactly when the next 20-second window begins', () => {
    const windowStart = windowAt(serverNow) * 20_000;
    const last = screenCodeAt(codeInfo(), talkKey, windowStart + 19_999);
    const next = screenCodeAt(codeInfo(), talkKey, windowStart + 20_000);

    expect(last).toMatchObject({ window: windowAt(serverNow), secondsLeft: 1 });
    expect(next).toMatchObject({
      window: windowAt(serverNow) + 1,
      secondsLeft: 20,
      text: expectedCodeUrl(windowStart + 20_000),
    });
  });

  it('says check-in has not opened before opensAt, with the time it opens', () => {
    expect(screenCodeAt(codeInfo(), talkKey, Date.parse(OPENS_AT) - 1)).toEqual({ state: 'not_open', opensAt: OPENS_AT });
    expect(screenCodeAt(codeInfo(), talkKey, Date.parse(OPENS_AT))).toMatchObject({ state: 'open' });
  });

  it('says check-in has ended from closesAt on', () => {
    expect(screenCodeAt(codeInfo(), talkKey, Date.parse(CLOSES_AT) - 1)).toMatchObject({ state: 'open' });
    expect(screenCodeAt(codeInfo(), talkKey, Date.parse(CLOSES_AT))).toEqual({ state: 'closed', closesAt: CLOSES_AT });
  });
});

describe('countdown and ticks', () => {
  it('counts whole seconds down to the next code', () => {
    const windowStart = windowAt(serverNow) * 20_000;
    expect(secondsUntilNextCode(windowStart)).toBe(20);
    expect(secondsUntilNextCode(windowStart + 5_000)).toBe(15);
    expect(secondsUntilNextCode(windowStart + 5_001)).toBe(15);
    expect(secondsUntilNextCode(windowStart + 5_999)).toBe(15);
    expect(secondsUntilNextCode(windowStart + 6_000)).toBe(14);
  });

  it('waits until the next whole second of server time', () => {
    expect(msUntilNextSecond(serverNow)).toBe(1000);
    expect(msUntilNextSecond(serverNow + 250)).toBe(750);
    expect(msUntilNextSecond(serverNow + 999)).toBe(1);
  });
});

describe('代签到 form', () => {
  it('sends the trimmed name, the phone without spaces, and the nonce', () => {
    expect(readManualCheckin('  刘奶奶 ', '138 1234 5678', 'nonce-12345')).toEqual({
      ok: true,
      body: { name: '刘奶奶', phone: '13812345678', nonce: 'nonce-12345' },
    });
  });

  it('leaves the phone out when it is empty', () => {
    expect(readManualCheckin('刘奶奶', ' ', 'nonce-12345')).toEqual({ ok: true, body: { name: '刘奶奶', nonce: 'nonce-12345' } });
  });

  it('needs a name of at most 40 characters', () => {
    expect(readManualCheckin('   ', '', 'nonce-12345')).toEqual({ ok: false, problem: '请填写姓名' });
    expect(readManualCheckin('刘'.repeat(40), '', 'nonce-12345')).toMatchObject({ ok: true });
    expect(readManualCheckin('刘'.repeat(41), '', 'nonce-12345')).toEqual({ ok: false, problem: '姓名最多 40 个字' });
  });

  it('refuses a phone that is not 11 digits starting with 1', () => {
    const problem = { ok: false, problem: '手机号应为 1 开头的 11 位数字，也可以不填' };
    expect(readManualCheckin('刘奶奶', '23812345678', 'nonce-12345')).toEqual(problem);
    expect(readManualCheckin('刘奶奶', '1381234567', 'nonce-12345')).toEqual(problem);
    expect(readManualCheckin('刘奶奶', '138123456789', 'nonce-12345')).toEqual(problem);
  });
});
