import { decideTalkRequest, lastWindowEnd, TALK_REQUEST_STATUSES, validateTalkOrder, type TalkOrder } from '../../src/core/booking';

const now = new Date('2026-11-29T02:00:00.000Z');
const at = (hours: number) => new Date(now.getTime() + hours * 3600_000).toISOString();
const order = (overrides: Partial<TalkOrder> = {}): TalkOrder => ({
  windows: [{ start: at(24), end: at(26) }],
  audienceSize: 30,
  audienceKinds: ['elderly', 'party'],
  note: '',
  ...overrides,
});
const rules = (input: TalkOrder, durationMin = 60) => validateTalkOrder(input, durationMin, now).map((issue) => `${issue.field}:${issue.rule}`);

describe('talk request lifecycle', () => {
  it('walks 点单 → 派单 → 接单 → 举办 → 评单', () => {
    expect(decideTalkRequest('submitted', 'offer')).toEqual({ ok: true, status: 'offered' });
    expect(decideTalkRequest('offered', 'offer')).toEqual({ ok: true, status: 'offered' });
    expect(decideTalkRequest('offered', 'accept')).toEqual({ ok: true, status: 'accepted' });
    expect(decideTalkRequest('accepted', 'schedule')).toEqual({ ok: true, status: 'scheduled' });
    expect(decideTalkRequest('scheduled', 'hold')).toEqual({ ok: true, status: 'held' });
    expect(decideTalkRequest('held', 'rate')).toEqual({ ok: true, status: 'rated' });
    expect(decideTalkRequest('offered', 'unmatch')).toEqual({ ok: true, status: 'unmatched' });
    expect(decideTalkRequest('unmatched', 'offer')).toEqual({ ok: true, status: 'offered' });
  });

  it('allows cancelling exactly until the talk is held', () => {
    const cancellable = TALK_REQUEST_STATUSES.filter((status) => decideTalkRequest(status, 'cancel').ok);
    expect(cancellable).toEqual(['submitted', 'offered', 'accepted', 'scheduled', 'unmatched']);
    expect(decideTalkRequest('held', 'cancel')).toEqual({ ok: false, code: 'talk_request_wrong_state' });
  });

  it('refuses rating before the talk is held, and holding before it is scheduled', () => {
    expect(decideTalkRequest('scheduled', 'rate').ok).toBe(false);
    expect(decideTalkRequest('offered', 'hold').ok).toBe(false);
    expect(decideTalkRequest('rated', 'rate').ok).toBe(false);
  });
});

describe('the order form rules (shared by the app and the server)', () => {
  it('accepts a sensible order', () => {
    expect(rules(order())).toEqual([]);
  });

  it('names each broken rule with its field', () => {
    expect(rules(order({ windows: [] }))).toEqual(['windows:count']);
    expect(rules(order({ windows: Array(4).fill({ start: at(24), end: at(26) }) }))).toEqual(['windows:count']);
    expect(rules(order({ windows: [{ start: at(-1), end: at(2) }] }))).toEqual(['windows.0:past']);
    expect(rules(order({ windows: [{ start: at(26), end: at(24) }] }))).toEqual(['windows.0:order']);
    expect(rules(order({ windows: [{ start: at(24), end: at(24.5) }] }))).toEqual(['windows.0:duration']);
    expect(rules(order({ windows: [{ start: at(24 * 61), end: at(24 * 61 + 2) }] }))).toEqual(['windows.0:too_far']);
    expect(rules(order({ windows: [{ start: 'soon', end: at(2) }] }))).toEqual(['windows.0:format']);
    expect(rules(order({ audienceSize: 0 }))).toEqual(['audienceSize:range']);
    expect(rules(order({ audienceSize: 501 }))).toEqual(['audienceSize:range']);
    expect(rules(order({ audienceKinds: [] }))).toEqual(['audienceKinds:enum']);
    expect(rules(order({ audienceKinds: ['martians'] }))).toEqual(['audienceKinds:enum']);
    expect(rules(order({ note: '字'.repeat(201) }))).toEqual(['note:maxLength']);
  });

  it('measures a window against the topic’s duration', () => {
    expect(rules(order({ windows: [{ start: at(24), end: at(25) }] }), 60)).toEqual([]);
    expect(rules(order({ windows: [{ start: at(24), end: at(25) }] }), 90)).toEqual(['windows.0:duration']);
  });

  it('finds the last window end, whatever the order of the windows', () => {
    expect(lastWindowEnd([{ start: at(48), end: at(50) }, { start: at(24), end: at(26) }])).toBe(at(50));
  });
});
