import sanitizeHtml from 'sanitize-html';

/**
 * The one policy for post body HTML. Editors paste from Word, WeChat articles and web pages; what
 * is stored is what every resident's phone renders with Taro's RichText (and what the h5 build
 * puts into the page), so the policy is an allow-list: anything not named here is removed.
 */

/**
 * Text structure an article needs and RichText renders. No h1 (the post title is the page's
 * heading), no div/section soup from pasted pages (their text is kept, the wrapper dropped), no
 * form controls or media elements: video is a separate field rendered by the app's own player.
 */
const ALLOWED_TAGS = [
  'p', 'br', 'h2', 'h3', 'h4',
  'strong', 'b', 'em', 'i', 'u', 's',
  'blockquote', 'ul', 'ol', 'li', 'span',
  'a', 'img',
  'table', 'thead', 'tbody', 'tr', 'th', 'td',
];

/**
 * Attributes per tag. Never class or id (they would couple content to the app's styles and let a
 * post restyle the page around it), never on* handlers, never style except text-align below.
 */
const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  img: ['src', 'alt', 'width', 'height'],
  th: ['colspan', 'rowspan', 'style'],
  td: ['colspan', 'rowspan', 'style'],
  p: ['style'],
  h2: ['style'],
  h3: ['style'],
  h4: ['style'],
};

/**
 * Centred headings and right-aligned signatures are common in official articles, so text-align is
 * the one style kept; every other property (url(), expression(), position, font sizes that break
 * 长辈模式) is dropped.
 */
const ALLOWED_STYLES = { '*': { 'text-align': [/^(left|right|center|justify)$/] } };

/**
 * Elements dropped together with everything inside them: their content is code, styling, an
 * embedded document or a form, never article text. (sanitize-html otherwise keeps the inner text
 * of a dropped tag, which is right for a pasted <div> and wrong for a <script>.)
 */
const DROPPED_WITH_CONTENT = [
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet',
  'form', 'textarea', 'select', 'option', 'button', 'svg', 'math', 'xmp', 'noembed', 'noframes',
  'title', 'head', 'meta', 'link', 'base',
];

/**
 * Links and images must be absolute https: URLs. The mini-program only loads https resources,
 * relative URLs mean nothing inside an article, and an allow-list of one scheme rules out
 * javascript:, data:, vbscript: and whatever is invented next. Attribute values arrive here with
 * entities already decoded, so `jav&#x61;script:` is seen as `javascript:`.
 */
export function isHttpsUrl(value: string): boolean {
  if (!/^https:\/\/[^\s/\\]/i.test(value)) return false;
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

/** Pixel (or percent) sizes only; anything else could smuggle text into an attribute. */
const SIZE = /^\d{1,4}%?$/;

function keepAttributes(
  attribs: sanitizeHtml.Attributes,
  rules: Partial<Record<string, (value: string) => boolean>>,
): sanitizeHtml.Attributes {
  const kept: sanitizeHtml.Attributes = {};
  for (const [name, value] of Object.entries(attribs)) {
    const rule = rules[name];
    if (!rule) kept[name] = value;
    else if (rule(value.trim())) kept[name] = value.trim();
  }
  return kept;
}

const POLICY: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: ALLOWED_ATTRIBUTES,
  allowedStyles: ALLOWED_STYLES,
  allowedSchemes: ['https'],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  nonTextTags: DROPPED_WITH_CONTENT,
  disallowedTagsMode: 'discard',
  // sanitize-html lets relative URLs through its scheme check; https-only is stricter.
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: keepAttributes(attribs, { href: isHttpsUrl }) }),
    img: (tagName, attribs) => ({
      tagName,
      attribs: keepAttributes(attribs, { src: isHttpsUrl, width: (v) => SIZE.test(v), height: (v) => SIZE.test(v) }),
    }),
  },
  // An image whose source was removed shows nothing but a broken frame.
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
};

/** Body HTML as stored and served: the policy above applied, surrounding whitespace trimmed. */
export function sanitizeBodyHtml(html: string): string {
  return sanitizeHtml(html, POLICY).trim();
}
