import Taro from '@tarojs/taro';

/** 1 = standard text, 2 = large, 3 = largest. */
export type FontTier = 1 | 2 | 3;

let cachedTier: FontTier | undefined;

function readTier(): FontTier {
  // A browser scales the page with its own zoom, so only WeChat's 「字体大小」 setting is read.
  if (process.env.TARO_ENV !== 'weapp') return 1;
  try {
    // WeChat returns fontSizeSetting (in px, 17 is standard); Taro's typing leaves it out.
    const info: Record<string, unknown> = { ...Taro.getAppBaseInfo() };
    const size = typeof info.fontSizeSetting === 'number' ? info.fontSizeSetting : 17;
    if (size >= 22) return 3;
    if (size >= 19) return 2;
    return 1;
  } catch {
    return 1;
  }
}

/** The text size the user chose in WeChat's settings, read once per launch. */
export function systemFontTier(): FontTier {
  if (cachedTier === undefined) cachedTier = readTier();
  return cachedTier;
}
