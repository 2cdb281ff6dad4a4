import { useState } from 'react';
import { View } from '@tarojs/components';
import { Dialog, Tabs, Toast } from '@nutui/nutui-react-taro';
import { Microphone } from '@nutui/icons-react-taro';
import type { SpeakerTalkList, TalkSummary } from '../../../core/api/booking';
import { EmptyState } from '../../../components/empty-state';
import { ListSkeleton } from '../../../components/list-skeleton';
import { PageShell } from '../../../components/page-shell';
import { SignedIn } from '../../../components/signed-in';
import { useOnReturn } from '../../../hooks/use-on-return';
import { useRemote } from '../../../hooks/use-remote';
import { speakerApi, talksApi } from '../../../services/api';
import { errorMessage } from '../../../services/api-error';
import { SpeakerLoadFailure } from '../shared/load-failure';
import { timeRangeText } from '../shared/talk-time';
import { useMinuteClock } from '../shared/use-minute-clock';
import { TalkCard } from './talk-card';
import './index.scss';

const TOAST_ID = 'speaker-talks-toast';

type TalkTab = 'upcoming' | 'past';

const TAB_TITLES: Record<TalkTab, string> = { upcoming: '即将开始', past: '已结束' };

const EMPTY_TEXT: Record<TalkTab, { title: string; description: string }> = {
  upcoming: { title: '暂时没有安排的宣讲', description: '在“待接的单”里接单后，宣讲会出现在这里。' },
  past: { title: '还没有结束的宣讲', description: '宣讲结束后会移到这里，可以查看签到名单。' },
};

interface TalkListProps {
  talks: SpeakerTalkList;
  tab: TalkTab;
  now: number;
  onMarkHeld: (talk: TalkSummary) => void;
}

function TalkList({ talks, tab, now, onMarkHeld }: TalkListProps) {
  const shown = talks[tab];
  if (shown.length === 0) {
    const empty = EMPTY_TEXT[tab];
    return <EmptyState icon={<Microphone />} title={empty.title} description={empty.description} />;
  }
  return (
    <View className="ywk-speaker-talks__list">
      {shown.map((talk) => (
        <TalkCard key={talk.id} talk={talk} now={now} upcoming={tab === 'upcoming'} onMarkHeld={onMarkHeld} />
      ))}
    </View>
  );
}

function MyTalks() {
  const [talks, reload] = useRemote(speakerApi.talks);
  const now = useMinuteClock();
  const [tab, setTab] = useState<TalkTab>('upcoming');
  const [marking, setMarking] = useState<TalkSummary | null>(null);
  // Back from the check-in screen or the attendance list, registrations and status may have moved.
  useOnReturn(reload);

  async function markHeld() {
    if (!marking) return;
    try {
      await talksApi.markHeld(marking.id);
      Toast.show(TOAST_ID, { content: '已标记为已举办', icon: 'success' });
    } catch (error) {
      Toast.show(TOAST_ID, { content: errorMessage(error), icon: 'fail' });
    }
    reload();
  }

  let content;
  if (talks.status === 'loading') content = <ListSkeleton cards={3} />;
  else if (talks.status === 'error') content = <SpeakerLoadFailure error={talks.error} onRetry={reload} />;
  else content = <TalkList talks={talks.data} tab={tab} now={now} onMarkHeld={setMarking} />;

  return (
    <>
      <Tabs className="ywk-speaker-talks__tabs" value={tab} duration={0} onChange={(value) => setTab(value === 'past' ? 'past' : 'upcoming')}>
        {(['upcoming', 'past'] as const).map((candidate) => (
          <Tabs.TabPane key={candidate} title={TAB_TITLES[candidate]} value={candidate} />
        ))}
      </Tabs>
      {content}
      <Dialog
        visible={marking !== null}
        title="标记已举办"
        content={
          marking
            ? `“${marking.topicTitle}”（${timeRangeText(marking.startsAt, marking.endsAt)}）已经举办了吗？标记后会请点单人评价，不能撤销。`
            : null
        }
        confirmText="确定已举办"
        cancelText="取消"
        onConfirm={markHeld}
        onCancel={() => setMarking(null)}
        onClose={() => setMarking(null)}
      />
    </>
  );
}

export default function SpeakerTalksPage() {
  return (
    <PageShell className="ywk-speaker-talks">
      <SignedIn>{() => <MyTalks />}</SignedIn>
      <Toast id={TOAST_ID} />
    </PageShell>
  );
}
