import Taro from '@tarojs/taro';

/** 接单 pages for speakers: the offer inbox, 我的宣讲 and the speaker's profile. */
export const SPEAKER_PAGES = {
  offers: '/packages/speaker/offers/index',
  talks: '/packages/speaker/talks/index',
  profile: '/packages/speaker/profile/index',
} as const;

export function openSpeakerOffers(): Promise<unknown> {
  return Taro.navigateTo({ url: SPEAKER_PAGES.offers });
}

export function openSpeakerTalks(): Promise<unknown> {
  return Taro.navigateTo({ url: SPEAKER_PAGES.talks });
}

export function openSpeakerProfile(): Promise<unknown> {
  return Taro.navigateTo({ url: SPEAKER_PAGES.profile });
}
