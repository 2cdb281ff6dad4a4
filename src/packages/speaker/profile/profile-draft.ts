import type { SpeakerProfile, SpeakerProfileBody } from '../../../core/api/booking';

/** Limits of the profile, as the server's schema sets them (SpeakerProfileBody). */
export const PROFILE_LIMITS = {
  bioLength: 500,
  maxTalksPerWeek: 20,
  availabilityWindows: 50,
} as const;

/** 能讲 / 擅长 / 精通: how well a speaker knows a topic, which matching weighs. */
export const TOPIC_LEVELS = [
  { level: 1, label: '能讲' },
  { level: 2, label: '擅长' },
  { level: 3, label: '精通' },
] as const;

export const WEEKDAY_LABELS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;

export type WeeklyWindow = SpeakerProfile['availability'][number];

/** The profile as the form edits it; a topic is taught when it has a level. */
export interface ProfileDraft {
  bio: string;
  topicLevels: Record<number, number>;
  communityIds: number[];
  availability: WeeklyWindow[];
  maxTalksPerWeek: number;
  paused: boolean;
}

export interface ProfileIssue {
  field: string;
  message: string;
}

export function draftOf(profile: SpeakerProfile): ProfileDraft {
  return {
    bio: profile.bio,
    topicLevels: Object.fromEntries(profile.topics.map((topic) => [topic.topicId, topic.level])),
    communityIds: [...profile.communityIds],
    availability: profile.availability.map((window) => ({ ...window })),
    maxTalksPerWeek: profile.maxTalksPerWeek,
    paused: profile.paused,
  };
}

/** 09:00; the end of the day is 24:00, not the next day's 00:00. */
export function minuteLabel(minute: number): string {
  const hours = Math.floor(minute / 60);
  return `${String(hours).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** Every issue, first field first; empty when the server would accept the profile. */
export function checkProfile(draft: ProfileDraft): ProfileIssue[] {
  const issues: ProfileIssue[] = [];
  if (draft.bio.trim().length > PROFILE_LIMITS.bioLength) {
    issues.push({ field: 'bio', message: `个人简介不能超过${PROFILE_LIMITS.bioLength}字` });
  }
  // Pausing is the way to stop offers; a profile without topics would silently get none.
  if (Object.keys(draft.topicLevels).length === 0) {
    issues.push({ field: 'topics', message: '请至少选择一个能讲的主题' });
  }
  if (draft.availability.length > PROFILE_LIMITS.availabilityWindows) {
    issues.push({ field: 'availability', message: `空闲时间最多填${PROFILE_LIMITS.availabilityWindows}段` });
  }
  draft.availability.forEach((window, index) => {
    if (window.endMinute <= window.startMinute) {
      issues.push({ field: `availability.${index}`, message: '结束时间须晚于开始时间' });
    }
  });
  const { maxTalksPerWeek } = draft;
  if (!Number.isInteger(maxTalksPerWeek) || maxTalksPerWeek < 0 || maxTalksPerWeek > PROFILE_LIMITS.maxTalksPerWeek) {
    issues.push({ field: 'maxTalksPerWeek', message: `每周最多场次须在0至${PROFILE_LIMITS.maxTalksPerWeek}之间` });
  }
  return issues;
}

/** The whole profile is sent, so what the speaker sees is what is saved. */
export function bodyOf(draft: ProfileDraft): SpeakerProfileBody {
  return {
    bio: draft.bio.trim(),
    topics: Object.entries(draft.topicLevels)
      .map(([topicId, level]) => ({ topicId: Number(topicId), level }))
      .sort((a, b) => a.topicId - b.topicId),
    communityIds: [...draft.communityIds].sort((a, b) => a - b),
    availability: draft.availability,
    maxTalksPerWeek: draft.maxTalksPerWeek,
    paused: draft.paused,
  };
}
