import {
  CHECKIN_CLOCK_SKEW_MS,
  CHECKIN_MAC_CHARS,
  CHECKIN_ROTATION_MS,
  checkinCodePath,
  checkinCodeUrl,
  deriveTalkKey,
  parseCheckinCode,
  verifyCheckinCode,
  windowAt,
  windowStartMs,
  type CheckinCode,
} from '../../src/core/checkin';

const MASTER = 'test-master-secret-of-at-least-32-characters';
const ORIGIN = 'https://wkt.example.gov.cn';
const TALK = 42;
const KEY = deriveTalkKey(MASTER, TALK, 'talk-secret-42');
const OTHER_KEY = deriveTalkKey(MASTER, 43, 'talk-secret-43');

/** 2026-11-29 14:30:00 Shanghai, which is a rotation boundary (divisible by 20 s). */
const BOUNDARY_MS = Date.UTC(2026, 10, 29, 6, 30, 0);
const WINDOW = windowAt(BOUNDARY_MS);

function codeFor(talkId: number, window: number, key = KEY): CheckinCode {
  const parsed = parseCheckinCode(checkinCodeUrl(ORIGIN, talkId, window, key));
  if (!parsed) throw new Error('a freshly made code did not parse');
  return parsed;
}

describe('rotation windows', () => {
  it('numbers windows as floor(unix seconds / 20)', () => {
    expect(CHECKIN_ROTATION_MS).toBe(20_000);
    expect(windowAt(0)).toBe(0);
    expect(windowAt(19_999)).toBe(0);
    expect(windowAt(20_000)).toBe(1);
    expect(windowAt(BOUNDARY_MS)).toBe(BOUNDARY_MS / 20_000);
    expect(windowAt(BOUNDARY_MS - 1)).toBe(WINDOW - 1);
    expect(windowStartMs(WINDOW)).toBe(BOUNDARY_MS);
  });
});

describe('check-in code format', () => {
  it('is the URL https://<host>/c/<talk>/<window>/<mac> with a 16-character base64url MAC', () => {
    const url = checkinCodeUrl(ORIGIN, TALK, WINDOW, KEY);
    expect(url).toMatch(new RegExp(`^${ORIGIN.replace(/\./g, '\\.')}/c/42/${WINDOW}/[A-Za-z0-9_-]{16}$`));
    expect(CHECKIN_MAC_CHARS).toBe(16);
    expect(checkinCodeUrl(`${ORIGIN}/`, TALK, WINDOW, KEY)).toBe(url);
    expect(url).toBe(`${ORIGIN}${checkinCodePath(TALK, WINDOW, KEY)}`);
  });

  it('round-trips build → parse → verify for many talks and windows', () => {
    let checked = 0;
    for (const talkId of [1, 2, 9, 10, 42, 999, 123456, 2 ** 31, Number.MAX_SAFE_INTEGER % 10 ** 15]) {
      const key = deriveTalkKey(MASTER, talkId, `secret-${talkId}`);
      for (let step = 0; step < 50; step++) {
        const window = WINDOW + step * 7919;
        const url = checkinCodeUrl(ORIGIN, talkId, window, key);
        const parsed = parseCheckinCode(url);
        expect(parsed).toEqual({ talkId, window, mac: url.slice(-16) });
        expect(verifyCheckinCode(parsed!, key, windowStartMs(window) + 5_000)).toEqual({ ok: true });
        checked++;
      }
    }
    expect(checked).toBe(450);
  });

  it('gives each window and each talk its own MAC', () => {
    const macs = new Set<string>();
    for (let window = WINDOW; window < WINDOW + 500; window++) macs.add(codeFor(TALK, window).mac);
    for (let talkId = 1; talkId <= 500; talkId++) macs.add(codeFor(talkId, WINDOW).mac);
    expect(macs.size).toBe(999);
  });

  it('reads the code with any origin, with a port, over http, or as the bare path', () => {
    const path = checkinCodePath(TALK, WINDOW, KEY);
    const expected = { talkId: TALK, window: WINDOW, mac: path.slice(-16) };
    for (const origin of ['https://wkt.example.gov.cn', 'http://localhost:3000', 'https://127.0.0.1:8443', 'https://A-b.CN', '']) {
      expect(parseCheckinCode(`${origin}${path}`)).toEqual(expected);
    }
  });

  it('refuses anything that is not exactly a check-in code, without throwing', () => {
    const path = checkinCodePath(TALK, WINDOW, KEY);
    const mac = path.slice(-16);
    const malformed: unknown[] = [
      '',
      ' ',
      '/c/',
      `/c/${TALK}/${WINDOW}`,
      `/c/${TALK}/${WINDOW}/`,
      `c/${TALK}/${WINDOW}/${mac}`,
      `/x/${TALK}/${WINDOW}/${mac}`,
      `/C/${TALK}/${WINDOW}/${mac}`,
      `ftp://host/c/${TALK}/${WINDOW}/${mac}`,
      `https:/host/c/${TALK}/${WINDOW}/${mac}`,
      `https://host/app/c/${TALK}/${WINDOW}/${mac}`,
      `https://user@host/c/${TALK}/${WINDOW}/${mac}`,
      `https://host:99999999/c/${TALK}/${WINDOW}/${mac}`,
      `/c/4a/${WINDOW}/${mac}`,
      `/c/${TALK}/${WINDOW}x/${mac}`,
      `/c/-${TALK}/${WINDOW}/${mac}`,
      `/c/+${TALK}/${WINDOW}/${mac}`,
      `/c/0${TALK}/${WINDOW}/${mac}`,
      `/c/0/${WINDOW}/${mac}`,
      `/c/${TALK}.0/${WINDOW}/${mac}`,
      `/c/1e3/${WINDOW}/${mac}`,
      `/c/${'9'.repeat(16)}/${WINDOW}/${mac}`,
      `/c/${TALK}/${'9'.repeat(16)}/${mac}`,
      `/c/${TALK}/${WINDOW}/${mac.slice(1)}`,
      `/c/${TALK}/${WINDOW}/${mac}A`,
      `/c/${TALK}/${WINDOW}/${mac.slice(2)}==`,
      `/c/${TALK}/${WINDOW}/${mac.slice(1)}=`,
      `/c/${TALK}/${WINDOW}/${mac.slice(1)}+`,
      `/c/${TALK}/${WINDOW}/${mac.slice(1)}/`,
      `/c/${TALK}/${WINDOW}/${mac.slice(1)}.`,
      `/c/${TALK}/${WINDOW}/${mac}/`,
      `/c/${TALK}/${WINDOW}/${mac}/extra`,
      `/c/${TALK}/${WINDOW}/${mac}?from=timeline`,
      `/c/${TALK}/${WINDOW}/${mac}#top`,
      `${path}\n`,
      ` ${path}`,
      `${path} `,
      `/c/${TALK}/${WINDOW}/${mac}\u0000`,
      `/c/${TALK}/${WINDOW}/${mac.slice(1)}é`,
      `/c/４２/${WINDOW}/${mac}`,
      `https://host/c/${TALK}/${WINDOW}/${mac}/c/${TALK}/${WINDOW}/${mac}`,
      `ywk-p:7:20000:${mac}`,
      `https://${'a'.repeat(1000)}.cn${path}`,
      `${path}${'A'.repeat(1_000_000)}`,
      'x'.repeat(5_000_000),
      undefined,
      null,
      42,
      {},
      [path],
      { toString: () => path },
      new String(path),
    ];
    for (const input of malformed) {
      expect(() => parseCheckinCode(input)).not.toThrow();
      expect([input, parseCheckinCode(input)]).toEqual([input, null]);
    }
  });
});

describe('MAC tampering', () => {
  const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const SCANNED = BOUNDARY_MS + 5_000;

  it('refuses every change to every character of the MAC', () => {
    const code = codeFor(TALK, WINDOW);
    let tried = 0;
    for (let position = 0; position < code.mac.length; position++) {
      for (const replacement of ALPHABET) {
        if (replacement === code.mac[position]) continue;
        const mac = code.mac.slice(0, position) + replacement + code.mac.slice(position + 1);
        expect(verifyCheckinCode({ ...code, mac }, KEY, SCANNED)).toEqual({ ok: false, code: 'invalid_code' });
        tried++;
      }
    }
    expect(tried).toBe(16 * 63);
  });

  it('refuses every single-bit flip in every byte of the MAC', () => {
    const code = codeFor(TALK, WINDOW);
    const bytes = Buffer.from(code.mac, 'base64url');
    expect(bytes).toHaveLength(12);
    for (let index = 0; index < bytes.length; index++) {
      for (let bit = 0; bit < 8; bit++) {
        const flipped = Buffer.from(bytes);
        flipped[index] ^= 1 << bit;
        const mac = flipped.toString('base64url');
        expect(parseCheckinCode(`/c/${TALK}/${WINDOW}/${mac}`)).not.toBeNull();
        expect(verifyCheckinCode({ ...code, mac }, KEY, SCANNED)).toEqual({ ok: false, code: 'invalid_code' });
      }
    }
  });

  it('refuses the MAC moved to another window or another talk', () => {
    const code = codeFor(TALK, WINDOW);
    for (const window of [WINDOW - 1, WINDOW + 1, WINDOW - 3, WINDOW * 2]) {
      expect(verifyCheckinCode({ ...code, window }, KEY, windowStartMs(window) + 1_000)).toEqual({ ok: false, code: 'invalid_code' });
    }
    for (const talkId of [TALK - 1, TALK + 1, 420, 4]) {
      expect(verifyCheckinCode({ ...code, talkId }, KEY, SCANNED)).toEqual({ ok: false, code: 'invalid_code' });
    }
  });

  it('never verifies a code of one talk with another talk\'s key', () => {
    for (let window = WINDOW - 50; window <= WINDOW + 50; window++) {
      const code = codeFor(TALK, window);
      expect(verifyCheckinCode(code, OTHER_KEY, windowStartMs(window))).toEqual({ ok: false, code: 'invalid_code' });
      expect(verifyCheckinCode({ ...code, talkId: 43 }, OTHER_KEY, windowStartMs(window))).toEqual({ ok: false, code: 'invalid_code' });
    }
  });

  it('calls a forged code invalid even when its window is long gone or far ahead', () => {
    const forged = { ...codeFor(TALK, WINDOW), mac: 'AAAAAAAAAAAAAAAA' };
    expect(verifyCheckinCode(forged, KEY, BOUNDARY_MS + 3_600_000)).toEqual({ ok: false, code: 'invalid_code' });
    expect(verifyCheckinCode(forged, KEY, BOUNDARY_MS - 3_600_000)).toEqual({ ok: false, code: 'invalid_code' });
  });

  it('refuses hand-made codes that could not have been parsed', () => {
    const code = codeFor(TALK, WINDOW);
    const refusals = [
      { ...code, mac: `${code.mac}==` },
      { ...code, mac: code.mac.slice(0, 15) },
      { ...code, mac: '' },
      { ...code, window: Number.NaN },
      { ...code, window: WINDOW + 0.5 },
      { ...code, talkId: Infinity },
      { ...code, mac: undefined as unknown as string },
    ];
    for (const forged of refusals) expect(verifyCheckinCode(forged, KEY, BOUNDARY_MS)).toEqual({ ok: false, code: 'invalid_code' });
  });

  it('treats a scan time that is not a number as a bug, not as a pass', () => {
    expect(() => verifyCheckinCode(codeFor(TALK, WINDOW), KEY, Number.NaN)).toThrow(RangeError);
  });
});

describe('window edges at the scan time', () => {
  const at = (scannedAtMs: number, window: number, options?: { clockSkewMs: number }) =>
    verifyCheckinCode(codeFor(TALK, window), KEY, scannedAtMs, options);
  const NO_SKEW = { clockSkewMs: 0 };

  it('exactly at a rotation accepts the new window and the one just replaced, not the one before', () => {
    expect(at(BOUNDARY_MS, WINDOW)).toEqual({ ok: true });
    expect(at(BOUNDARY_MS, WINDOW - 1)).toEqual({ ok: true });
    expect(at(BOUNDARY_MS, WINDOW - 2)).toEqual({ ok: false, code: 'expired_code' });
    expect(at(BOUNDARY_MS, WINDOW - 2, NO_SKEW)).toEqual({ ok: false, code: 'expired_code' });
  });

  it('accepts the previous window up to the last millisecond before the next rotation', () => {
    expect(at(BOUNDARY_MS + CHECKIN_ROTATION_MS - 1, WINDOW - 1)).toEqual({ ok: true });
    expect(at(BOUNDARY_MS + CHECKIN_ROTATION_MS, WINDOW - 1)).toEqual({ ok: false, code: 'expired_code' });
  });

  it('gives a code 20 to 40 seconds of life after it is first shown', () => {
    expect(at(BOUNDARY_MS + 2 * CHECKIN_ROTATION_MS - 1, WINDOW)).toEqual({ ok: true });
    expect(at(BOUNDARY_MS + 2 * CHECKIN_ROTATION_MS, WINDOW)).toEqual({ ok: false, code: 'expired_code' });
  });

  it('refuses two windows back anywhere in the current window', () => {
    for (const offset of [0, 1, 5_000, 10_000, 19_999]) {
      expect(at(BOUNDARY_MS + offset, WINDOW - 2)).toEqual({ ok: false, code: 'expired_code' });
    }
  });

  it('refuses a photographed code five minutes later and an hour later', () => {
    expect(at(BOUNDARY_MS + 5 * 60_000, WINDOW)).toEqual({ ok: false, code: 'expired_code' });
    expect(at(BOUNDARY_MS + 3_600_000, WINDOW)).toEqual({ ok: false, code: 'expired_code' });
  });

  it('without skew, refuses the next window until it begins', () => {
    expect(at(BOUNDARY_MS - 1, WINDOW, NO_SKEW)).toEqual({ ok: false, code: 'code_not_yet_valid' });
    expect(at(BOUNDARY_MS, WINDOW, NO_SKEW)).toEqual({ ok: true });
  });

  it('accepts a future window within the skew and refuses it beyond', () => {
    expect(CHECKIN_CLOCK_SKEW_MS).toBe(10_000);
    expect(at(BOUNDARY_MS - CHECKIN_CLOCK_SKEW_MS, WINDOW)).toEqual({ ok: true });
    expect(at(BOUNDARY_MS - CHECKIN_CLOCK_SKEW_MS - 1, WINDOW)).toEqual({ ok: false, code: 'code_not_yet_valid' });
    expect(at(BOUNDARY_MS - 1, WINDOW + 1)).toEqual({ ok: false, code: 'code_not_yet_valid' });
    expect(at(BOUNDARY_MS, WINDOW + 100)).toEqual({ ok: false, code: 'code_not_yet_valid' });
  });

  it('takes the skew from the options', () => {
    expect(at(BOUNDARY_MS - 25_000, WINDOW, { clockSkewMs: 30_000 })).toEqual({ ok: true });
    expect(at(BOUNDARY_MS - 25_000, WINDOW)).toEqual({ ok: false, code: 'code_not_yet_valid' });
  });
});

describe('clock skew between the organiser\'s phone and the server', () => {
  /** The screen shows the window of its own clock; the server judges by its own. */
  function scanOfScreen(serverNowMs: number, screenAheadMs: number) {
    const window = windowAt(serverNowMs + screenAheadMs);
    return verifyCheckinCode(codeFor(TALK, window), KEY, serverNowMs);
  }

  it('accepts a screen running up to 10 s fast, at every moment of a minute', () => {
    for (let t = 0; t < 60_000; t += 250) {
      expect(scanOfScreen(BOUNDARY_MS + t, 10_000)).toEqual({ ok: true });
      expect(scanOfScreen(BOUNDARY_MS + t, 3_000)).toEqual({ ok: true });
    }
  });

  it('refuses a screen more than 10 s fast as soon as it shows a window the server has not reached', () => {
    expect(scanOfScreen(BOUNDARY_MS - 10_001, 10_001)).toEqual({ ok: false, code: 'code_not_yet_valid' });
    expect(scanOfScreen(BOUNDARY_MS - 60_000, 60_000)).toEqual({ ok: false, code: 'code_not_yet_valid' });
  });

  it('accepts a screen running slow by up to one window, with the rest of the 20 s grace for the scan to arrive', () => {
    for (let t = 0; t < 60_000; t += 250) {
      expect(scanOfScreen(BOUNDARY_MS + t, -3_000)).toEqual({ ok: true });
      expect(scanOfScreen(BOUNDARY_MS + t, -19_999)).toEqual({ ok: true });
    }
    // A screen 8 s slow shows a window until 8 s into the next one, which leaves 12 s for a scan
    // made at that last moment to reach the server.
    const lastShownAt = BOUNDARY_MS + CHECKIN_ROTATION_MS + 8_000 - 1;
    const window = windowAt(lastShownAt - 8_000);
    expect(window).toBe(WINDOW);
    expect(verifyCheckinCode(codeFor(TALK, window), KEY, lastShownAt + 12_000)).toEqual({ ok: true });
    expect(verifyCheckinCode(codeFor(TALK, window), KEY, lastShownAt + 12_001)).toEqual({ ok: false, code: 'expired_code' });
  });

  it('refuses a screen so slow that it shows a window two rotations old', () => {
    expect(scanOfScreen(BOUNDARY_MS, -20_001)).toEqual({ ok: false, code: 'expired_code' });
    expect(scanOfScreen(BOUNDARY_MS + 10_000, -45_000)).toEqual({ ok: false, code: 'expired_code' });
  });
});
