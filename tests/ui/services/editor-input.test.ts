import { toBodyHtml } from '../../../src/packages/admin/editor/body-html';
import { instantFromPicker, pickerDateOf } from '../../../src/packages/admin/editor/publish-time';

describe('post body from the editor', () => {
  it('turns pasted lines into paragraphs', () => {
    expect(toBodyHtml('第一段。\n\n  第二段。\n第三段。\n')).toBe('<p>第一段。</p><p>第二段。</p><p>第三段。</p>');
  });

  it('escapes characters that would otherwise be read as HTML', () => {
    expect(toBodyHtml('收入 < 支出 & 结余 > 0')).toBe('<p>收入 &lt; 支出 &amp; 结余 &gt; 0</p>');
  });

  it('sends HTML as written', () => {
    expect(toBodyHtml('<p>已排版的<strong>正文</strong></p>')).toBe('<p>已排版的<strong>正文</strong></p>');
  });
});

describe('scheduled publishing time', () => {
  it('reads the picked time as Shanghai time', () => {
    expect(instantFromPicker(['2026', '12', '01', '09', '30'])).toBe('2026-12-01T01:30:00.000Z');
  });

  it('shows a scheduled instant in the picker at its Shanghai wall-clock time', () => {
    const picked = pickerDateOf('2026-12-01T01:30:00.000Z');

    expect([picked.getFullYear(), picked.getMonth() + 1, picked.getDate(), picked.getHours(), picked.getMinutes()]).toEqual([
      2026, 12, 1, 9, 30,
    ]);
  });
});
