import { type ReactNode, useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Checkbox, InputNumber, Radio, Switch, TextArea, Toast } from '@nutui/nutui-react-taro';
import type { CommunityList, SpeakerProfile, Topic } from '../../../core/api/booking';
import { SPEAKER_TEAMS } from '../../../core/catalog';
import { speakerApi } from '../../../services/api';
import { errorMessage } from '../../../services/api-error';
import { AvailabilityEditor } from './availability-editor';
import { PROFILE_LIMITS, TOPIC_LEVELS, type ProfileDraft, type ProfileIssue, bodyOf, checkProfile, draftOf } from './profile-draft';

export const PROFILE_TOAST_ID = 'speaker-profile-toast';
/** The level choice meaning the speaker does not give this topic. */
const NOT_TAUGHT = 0;

type Community = CommunityList['communities'][number];

interface TopicChoice {
  topicId: number;
  title: string;
}

/**
 * The menu's topics, and any topic the speaker holds that is no longer on the menu: leaving it
 * out would drop it from the profile on save without the speaker having chosen to.
 */
function topicChoices(menu: Topic[], profile: SpeakerProfile): TopicChoice[] {
  const choices = menu.map((topic) => ({ topicId: topic.id, title: topic.title }));
  profile.topics
    .filter((held) => !menu.some((topic) => topic.id === held.topicId))
    .forEach((held) => choices.push({ topicId: held.topicId, title: held.title }));
  return choices;
}

function teamLabel(team: string): string {
  return SPEAKER_TEAMS.find((candidate) => candidate.key === team)?.label ?? team;
}

function issueFor(issues: ProfileIssue[], field: string): string | undefined {
  return issues.find((issue) => issue.field === field)?.message;
}

function Field({ label, hint, children }: { label: string; hint?: string; children: ReactNode }) {
  return (
    <View className="ywk-speaker-profile__field">
      <View className="ywk-speaker-profile__label">{label}</View>
      {hint ? <View className="ywk-speaker-profile__hint">{hint}</View> : null}
      {children}
    </View>
  );
}

function Problem({ message }: { message?: string }) {
  return message ? <View className="ywk-speaker-profile__issue">{message}</View> : null;
}

function SpeakerHeader({ profile }: { profile: SpeakerProfile }) {
  return (
    <View className="ywk-speaker-profile__header">
      <Text className="ywk-speaker-profile__name">{profile.name}</Text>
      <View className="ywk-speaker-profile__team">
        {[teamLabel(profile.team), profile.title].filter(Boolean).join(' · ')}
      </View>
      {profile.approved ? null : (
        <View className="ywk-speaker-profile__notice">您的宣讲员资格还在审核中，审核通过后才会收到派单。</View>
      )}
    </View>
  );
}

interface ProfileFormProps {
  profile: SpeakerProfile;
  topics: Topic[];
  communities: Community[];
  /** Told whether the form holds edits not yet saved. */
  onDirtyChange: (dirty: boolean) => void;
}

function sameProfile(draft: ProfileDraft, saved: SpeakerProfile): boolean {
  return JSON.stringify(bodyOf(draft)) === JSON.stringify(bodyOf(draftOf(saved)));
}

/** 宣讲员资料: what matching reads about the speaker, edited and saved as a whole. */
export function ProfileForm({ profile, topics, communities, onDirtyChange }: ProfileFormProps) {
  const [saved, setSaved] = useState(profile);
  const [draft, setDraft] = useState<ProfileDraft>(() => draftOf(profile));
  const [issues, setIssues] = useState<ProfileIssue[]>([]);
  const [saving, setSaving] = useState(false);
  const choices = topicChoices(topics, saved);
  const dirty = !sameProfile(draft, saved);

  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  function change(patch: Partial<ProfileDraft>) {
    setDraft((shown) => ({ ...shown, ...patch }));
  }

  function setTopicLevel(topicId: number, level: number) {
    setDraft((shown) => {
      const { [topicId]: _previous, ...others } = shown.topicLevels;
      return { ...shown, topicLevels: level === NOT_TAUGHT ? others : { ...others, [topicId]: level } };
    });
  }

  async function save() {
    if (saving) return;
    const found = checkProfile(draft);
    setIssues(found);
    if (found.length > 0) {
      Toast.show(PROFILE_TOAST_ID, { content: found[0].message, icon: 'fail' });
      return;
    }
    setSaving(true);
    try {
      const updated = await speakerApi.updateProfile(bodyOf(draft));
      setSaved(updated);
      setDraft(draftOf(updated));
      Toast.show(PROFILE_TOAST_ID, { content: '资料已保存', icon: 'success' });
    } catch (error) {
      Toast.show(PROFILE_TOAST_ID, { content: errorMessage(error), icon: 'fail' });
    } finally {
      setSaving(false);
    }
  }

  return (
    <View className="ywk-speaker-profile">
      <SpeakerHeader profile={saved} />
      <Field label="个人简介" hint="居民和派单员会看到，写写您的经历和擅长讲什么。">
        <TextArea
          className="ywk-speaker-profile__bio"
          value={draft.bio}
          onChange={(bio) => change({ bio })}
          placeholder="如：在社区工作二十年，熟悉居民议事和调解"
          maxLength={PROFILE_LIMITS.bioLength}
          showCount
        />
        <Problem message={issueFor(issues, 'bio')} />
      </Field>
      <Field label="能讲的主题" hint="选了的主题才会派单给您；讲得越好，越优先派给您。">
        {choices.map((choice) => (
          <View key={choice.topicId} className="ywk-speaker-profile__topic">
            <View className="ywk-speaker-profile__topic-title">{choice.title}</View>
            <Radio.Group
              direction="horizontal"
              shape="button"
              value={draft.topicLevels[choice.topicId] ?? NOT_TAUGHT}
              onChange={(value) => setTopicLevel(choice.topicId, Number(value))}
            >
              <Radio value={NOT_TAUGHT}>不讲</Radio>
              {TOPIC_LEVELS.map((topicLevel) => (
                <Radio key={topicLevel.level} value={topicLevel.level}>
                  {topicLevel.label}
                </Radio>
              ))}
            </Radio.Group>
          </View>
        ))}
        <Problem message={issueFor(issues, 'topics')} />
      </Field>
      <Field label="服务的社区" hint="离这些社区近的点单，会优先派给您。">
        <Checkbox.Group
          direction="horizontal"
          value={draft.communityIds.map(String)}
          onChange={(value) => change({ communityIds: value.map(Number) })}
        >
          {communities.map((community) => (
            <Checkbox key={community.id} value={String(community.id)}>
              {community.name}
            </Checkbox>
          ))}
        </Checkbox.Group>
      </Field>
      <Field label="每周空闲时间" hint="系统只在这些时间里给您派单；接单时的具体时间由您自己选。">
        <AvailabilityEditor windows={draft.availability} issues={issues} onChange={(availability) => change({ availability })} />
        <Problem message={issueFor(issues, 'availability')} />
      </Field>
      <Field label="每周最多讲几场" hint="本周场次满了，就不再派单给您。">
        <InputNumber
          value={draft.maxTalksPerWeek}
          min={0}
          max={PROFILE_LIMITS.maxTalksPerWeek}
          onChange={(value) => change({ maxTalksPerWeek: Number(value) })}
        />
        <Problem message={issueFor(issues, 'maxTalksPerWeek')} />
      </Field>
      <View className="ywk-speaker-profile__field ywk-speaker-profile__pause">
        <View>
          <View className="ywk-speaker-profile__label">暂停接单</View>
          <View className="ywk-speaker-profile__hint">暂停期间不会收到新的派单，已安排的宣讲照常进行。</View>
        </View>
        <Switch checked={draft.paused} onChange={(paused) => change({ paused })} ariaLabel="暂停接单" />
      </View>
      <View className="ywk-speaker-profile__actions">
        <Button type="primary" block loading={saving} onClick={save}>
          保存资料
        </Button>
      </View>
    </View>
  );
}
