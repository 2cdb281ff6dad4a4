/**
 * The scanned code's text from the check-in page's parameters. The page opens three ways: from
 * the 签到 tab with the scanned text (`code`), from the WeChat camera's URL-prefix rule with the
 * whole URL (`q`), and from the code's own path `/c/<talk>/<window>/<mac>` mapped to `talk`,
 * `window` and `mac`.
 */
export function checkinTextFrom(params: Record<string, string | undefined>): string | null {
  const encoded = params.code ?? params.q;
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      return null;
    }
  }
  if (params.talk && params.window && params.mac) return `/c/${params.talk}/${params.window}/${params.mac}`;
  return null;
}
