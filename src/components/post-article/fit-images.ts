/**
 * A mini-program's RichText draws the HTML outside the page's stylesheet, so a picture wider than
 * the phone would overflow it. Each image gets an inline width limit instead. The body is the
 * server's sanitised HTML, where `<img` can only begin an image tag (a literal `<` is `&lt;`) and
 * an image carries no style of its own to clash with this one.
 */
export function fitImagesToScreen(bodyHtml: string): string {
  return bodyHtml.replace(/<img\b/gi, '<img style="max-width:100%;height:auto;display:block;margin:8px auto"');
}
