import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  base64url,
  constantTimeEqual,
  decodeTalkKey,
  derivePersonalCodeKey,
  deriveTalkKey,
  encodeTalkKey,
  fromBase64url,
} from '../../src/core/checkin';
import { hmacSha256, utf8Bytes } from '../../src/core/checkin/bytes';

const MASTER = 'test-master-secret-of-at-least-32-characters';
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('talk keys', () => {
  it('is HMAC-SHA256 of the talk id and talk secret under the master secret', () => {
    const expected = createHmac('sha256', MASTER).update('ywk/checkin-talk/v1:42:s3cret').digest('hex');
    expect(hex(deriveTalkKey(MASTER, 42, 's3cret'))).toBe(expected);
    expect(deriveTalkKey(MASTER, 42, 's3cret')).toHaveLength(32);
  });

  it('differs per talk, per talk secret and per master secret', () => {
    const keys = new Set<string>();
    for (const master of [MASTER, `${MASTER}!`, 'another-master-secret-of-32-characters-x']) {
      for (const talkId of [1, 2, 42, 420]) {
        for (const talkSecret of ['a', 'b', 'rotated-after-a-leak']) keys.add(hex(deriveTalkKey(master, talkId, talkSecret)));
      }
    }
    expect(keys.size).toBe(3 * 4 * 3);
  });

  it('does not let a talk id and talk secret run into each other', () => {
    expect(hex(deriveTalkKey(MASTER, 4, '2:x'))).not.toBe(hex(deriveTalkKey(MASTER, 42, ':x')));
    expect(hex(deriveTalkKey(MASTER, 1, '2'))).not.toBe(hex(deriveTalkKey(MASTER, 12, '')));
  });

  it('accepts the master secret as text or as the same bytes', () => {
    expect(hex(deriveTalkKey(Buffer.from(MASTER), 7, 'x'))).toBe(hex(deriveTalkKey(MASTER, 7, 'x')));
  });

  it('keeps the personal-code key apart from every talk key and from the session key', () => {
    const personal = hex(derivePersonalCodeKey(MASTER));
    expect(personal).toBe(createHmac('sha256', MASTER).update('ywk/personal-code/v1').digest('hex'));
    expect(personal).not.toBe(hex(derivePersonalCodeKey(`${MASTER}!`)));
    expect(personal).not.toBe(createHmac('sha256', MASTER).update('session-token').digest('hex'));
    for (let talkId = 1; talkId < 50; talkId++) expect(hex(deriveTalkKey(MASTER, talkId, ''))).not.toBe(personal);
  });

  it('travels to the organiser\'s phone as 43 base64url characters and comes back the same', () => {
    for (let talkId = 1; talkId <= 200; talkId++) {
      const key = deriveTalkKey(MASTER, talkId, `secret-${talkId}`);
      const text = encodeTalkKey(key);
      expect(text).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(decodeTalkKey(text)).toEqual(key);
    }
  });

  it('refuses a cached key that is not exactly one encoded key', () => {
    const text = encodeTalkKey(deriveTalkKey(MASTER, 1, 'x'));
    for (const input of ['', text.slice(1), `${text}A`, `${text}=`, `${text.slice(0, 42)}+`, `${text.slice(0, 42)}B`, null, 42, { text }]) {
      expect(decodeTalkKey(input)).toBeNull();
    }
  });
});

describe('byte helpers that stand in for node:crypto and Buffer on the phone', () => {
  it('computes HMAC-SHA256 like node:crypto (RFC 4231 case 2, and Chinese text)', () => {
    expect(hex(hmacSha256('Jefe', 'what do ya want for nothing?'))).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
    const message = '云上微课堂·签到 👵';
    expect(hex(hmacSha256('密钥', message))).toBe(createHmac('sha256', '密钥').update(message).digest('hex'));
  });

  it('encodes UTF-8 like Buffer, including astral characters and lone surrogates', () => {
    for (const text of ['', 'abc', 'é', '签到', '𠮷𠮷', '👵🏻', 'a\ud800b', '\udc00', 'x\ud83d']) {
      expect(hex(utf8Bytes(text))).toBe(Buffer.from(text, 'utf8').toString('hex'));
    }
  });

  it('encodes base64url like Buffer for every length, and decodes it back', () => {
    for (let length = 0; length <= 40; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 73 + length * 31) & 0xff);
      const text = base64url(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64url'));
      expect(fromBase64url(text)).toEqual(bytes);
    }
  });

  it('decodes strictly: one spelling per byte string, no padding, nothing outside the alphabet', () => {
    for (const text of ['A', 'AB', 'AAA=', 'AA==', 'AB+/', 'A B=', 'AAA\n', 'AAAé', 'AAA.']) {
      expect(fromBase64url(text)).toBeNull();
    }
    expect(fromBase64url('AA')).toEqual(Uint8Array.of(0));
    expect(fromBase64url('AQ')).toEqual(Uint8Array.of(1));
    expect(fromBase64url('-_-_')).toEqual(Uint8Array.of(0xfb, 0xff, 0xbf));
  });

  it('compares byte arrays for equality whatever the contents', () => {
    const a = Uint8Array.of(1, 2, 3, 4);
    expect(constantTimeEqual(a, Uint8Array.of(1, 2, 3, 4))).toBe(true);
    expect(constantTimeEqual(a, Uint8Array.of(1, 2, 3, 5))).toBe(false);
    expect(constantTimeEqual(a, Uint8Array.of(0, 2, 3, 4))).toBe(false);
    expect(constantTimeEqual(a, Uint8Array.of(1, 2, 3))).toBe(false);
    expect(constantTimeEqual(new Uint8Array(0), new Uint8Array(0))).toBe(true);
  });
});

describe('platform-free check-in code', () => {
  const dir = path.join(__dirname, '../../src/core/checkin');
  const files = fs.readdirSync(dir).filter((name) => name.endsWith('.ts'));

  it('imports only its own modules, the error list and @noble/hashes', () => {
    expect(files.sort()).toEqual(['bytes.ts', 'codes.ts', 'geofence.ts', 'how.ts', 'index.ts', 'keys.ts', 'period.ts', 'personal.ts']);
    for (const file of files) {
      // Comments may name what the code avoids; the code itself may not use it.
      const source = fs
        .readFileSync(path.join(dir, file), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '');
      const imported = [...source.matchAll(/(?:from|import|require\()\s*['"]([^'"]+)['"]/g)].map((match) => match[1]);
      for (const specifier of imported) expect([file, specifier]).toEqual([file, expect.stringMatching(/^(\.\/[a-z]+|\.\.\/errors|@noble\/hashes\/(hmac|sha256))$/)]);
      expect([file, /\bcrypto\b|\bBuffer\b|TextEncoder|\batob\b|\bbtoa\b|\bURL\b/.test(source)]).toEqual([file, false]);
    }
  });

  it('makes and verifies codes with node:crypto unavailable', () => {
    jest.isolateModules(() => {
      const unavailable = () => {
        throw new Error('node:crypto is not available on the phone');
      };
      jest.doMock('node:crypto', () => ({ createHmac: unavailable, timingSafeEqual: unavailable, webcrypto: undefined }));
      jest.doMock('crypto', () => ({ createHmac: unavailable, timingSafeEqual: unavailable, webcrypto: undefined }));
      expect(() => require('node:crypto').createHmac('sha256', 'k')).toThrow('not available');
      const checkin = require('../../src/core/checkin') as typeof import('../../src/core/checkin');
      const key = checkin.deriveTalkKey(MASTER, 5, 'x');
      expect(hex(key)).toBe(createHmac('sha256', MASTER).update('ywk/checkin-talk/v1:5:x').digest('hex'));
      const window = checkin.windowAt(Date.UTC(2026, 0, 1));
      const parsed = checkin.parseCheckinCode(checkin.checkinCodeUrl('https://h.cn', 5, window, key));
      expect(checkin.verifyCheckinCode(parsed!, key, checkin.windowStartMs(window))).toEqual({ ok: true });
      const personalKey = checkin.derivePersonalCodeKey(MASTER);
      const personal = checkin.parsePersonalCode(checkin.personalCode(personalKey, 9, Date.UTC(2026, 0, 1)));
      expect(checkin.verifyPersonalCode(personal!, personalKey, Date.UTC(2026, 0, 1))).toEqual({ ok: true, userId: 9 });
    });
  });
});
