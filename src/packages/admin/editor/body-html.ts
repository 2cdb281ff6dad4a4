/** Tags that show the editor pasted or wrote HTML rather than plain text. */
const HTML_BLOCK = /<\/?(p|br|div|h[1-6]|img|ul|ol|li|blockquote|section|table|strong|b|em|span)\b[^>]*>/i;

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The body as HTML. Staff mostly paste text from a document, which arrives as plain lines: each
 * line becomes a paragraph. HTML is sent as written; the server sanitises it either way.
 */
export function toBodyHtml(text: string): string {
  const trimmed = text.trim();
  if (HTML_BLOCK.test(trimmed)) return trimmed;
  return trimmed
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('');
}
