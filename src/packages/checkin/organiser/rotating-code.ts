import type { CheckinCodeInfo } from '../../../core/api/checkin';
import { checkinCodeUrl, windowAt, windowStartMs } from '../../../core/checkin';

/**
 * What the organiser's screen shows at one instant, worked out on the phone from the talk's key
 * so the code keeps rotating with no network. Pure: the page feeds it the corrected time.
 */

export type ScreenCode =
  | { state: 'not_open'; opensAt: string }
  | { state: 'closed'; closesAt: string }
  | {
      state: 'open';
      window: number;
      /** The text to draw as the QR code. */
      text: string;
      /** Whole seconds until the next code, 20 at the start of a window down to 1. */
      secondsLeft: number;
    };

/**
 * How far the server's clock is ahead of the phone's (negative when the phone is fast), taken
 * from one answer. The server stamped `serverTime` somewhere between sending and receiving, so
 * the midpoint of the round trip is the best guess of the phone's time at that moment; on a slow
 * connection this halves the error that "the time the answer arrived" would leave.
 */
export function clockOffsetMs(serverTime: string, requestedAtMs: number, answeredAtMs: number): number {
  const serverMs = Date.parse(serverTime);
  if (!Number.isFinite(serverMs)) return 0;
  return serverMs - (requestedAtMs + answeredAtMs) / 2;
}

/** The phone's clock, corrected to the server's. */
export function correctedTime(phoneNowMs: number, offsetMs: number): number {
  return phoneNowMs + offsetMs;
}

/** Whole seconds until the code after the one showing at `nowMs`. */
export function secondsUntilNextCode(nowMs: number): number {
  return Math.ceil((windowStartMs(windowAt(nowMs) + 1) - nowMs) / 1000);
}

/**
 * How long to wait until the next whole second of corrected time. Windows start on whole
 * seconds (20 s each), so ticking on those boundaries changes the code the moment its window
 * begins rather than up to a second late.
 */
export function msUntilNextSecond(nowMs: number): number {
  const intoSecond = ((nowMs % 1000) + 1000) % 1000;
  return 1000 - intoSecond;
}

/** The code for `nowMs` (server time), or why there is none: before opensAt, from closesAt on. */
export function screenCodeAt(codeInfo: CheckinCodeInfo, talkKey: Uint8Array, nowMs: number): ScreenCode {
  if (nowMs < Date.parse(codeInfo.opensAt)) return { state: 'not_open', opensAt: codeInfo.opensAt };
  if (nowMs >= Date.parse(codeInfo.closesAt)) return { state: 'closed', closesAt: codeInfo.closesAt };
  const window = windowAt(nowMs);
  return {
    state: 'open',
    window,
    text: checkinCodeUrl(codeInfo.origin, codeInfo.talkId, window, talkKey),
    secondsLeft: secondsUntilNextCode(nowMs),
  };
}
