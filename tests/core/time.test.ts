import { formatDateTime, formatPublishedAt, shanghaiDay } from '../../src/core/time';

describe('Shanghai time', () => {
  it('puts an instant on its Shanghai calendar day, not the UTC one', () => {
    expect(shanghaiDay('2026-11-29T15:59:59.000Z')).toBe('2026-11-29');
    expect(shanghaiDay('2026-11-29T16:00:00.000Z')).toBe('2026-11-30');
  });

  it('shows recent posts relatively and older ones by date', () => {
    const now = new Date('2026-11-29T08:00:00.000Z');
    expect(formatPublishedAt('2026-11-29T07:59:30.000Z', now)).toBe('刚刚');
    expect(formatPublishedAt('2026-11-29T05:00:00.000Z', now)).toBe('3 小时前');
    expect(formatPublishedAt('2026-11-26T08:00:00.000Z', now)).toBe('3 天前');
    expect(formatPublishedAt('2026-10-01T02:00:00.000Z', now)).toBe('10月1日');
    expect(formatPublishedAt('2025-12-31T17:00:00.000Z', now)).toBe('1月1日');
    expect(formatPublishedAt('2025-12-31T15:00:00.000Z', now)).toBe('2025年12月31日');
  });

  it('formats a talk time in Shanghai', () => {
    expect(formatDateTime('2026-11-29T06:30:00.000Z')).toBe('11月29日 14:30');
  });
});
