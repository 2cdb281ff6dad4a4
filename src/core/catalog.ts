/** Fixed vocabularies shared by the app and the server. */

/** 云上微课堂 post categories, in the order the feed shows them. */
export const POST_CATEGORIES = [
  { key: 'congress', label: '党的二十大精神' },
  { key: 'theory', label: '理论学习' },
  { key: 'history', label: '四史教育' },
  { key: 'policy', label: '政策解读' },
  { key: 'stories', label: '身边故事' },
  { key: 'civility', label: '文明实践' },
] as const;
export type PostCategory = (typeof POST_CATEGORIES)[number]['key'];

/** Who a talk is for; used by the order form and by matching's audience fit. */
export const AUDIENCE_KINDS = [
  { key: 'elderly', label: '老年人' },
  { key: 'youth', label: '青少年' },
  { key: 'party', label: '党员' },
  { key: 'residents', label: '居民' },
] as const;
export type AudienceKind = (typeof AUDIENCE_KINDS)[number]['key'];

/** 老年人 for elderly; a kind this app does not know yet (a newer server) shows as its key. */
export function audienceLabel(key: AudienceKind): string {
  return AUDIENCE_KINDS.find((kind) => kind.key === key)?.label ?? key;
}

/** Speaker teams of a street: 老书记课堂, 青年说, and the street's 宣讲团. */
export const SPEAKER_TEAMS = [
  { key: 'veterans', label: '老书记课堂' },
  { key: 'youth', label: '青年说' },
  { key: 'troupe', label: '宣讲团' },
] as const;
export type SpeakerTeam = (typeof SPEAKER_TEAMS)[number]['key'];
