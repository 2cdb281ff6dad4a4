import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { Button, Toast } from '@nutui/nutui-react-taro';
import { Clock, List, Scan, Tips, UserAdd, Warning } from '@nutui/icons-react-taro';
import type { AttendanceEntry, CheckinTalk } from '../../../core/api/checkin';
import { formatDateTime } from '../../../core/time';
import { EmptyState } from '../../../components/empty-state';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/loading-state';
import { PageShell } from '../../../components/page-shell';
import { QrCode } from '../../../components/qr-code';
import { SignedIn } from '../../../components/signed-in';
import { openAttendance, openPersonalCodeScanner } from '../../../services/organiser-navigation';
import { ManualCheckinDialog } from './manual-checkin-dialog';
import { NotOrganiser, talkIdFrom } from './shared';
import { type ScreenCode, screenCodeAt } from './rotating-code';
import {
  type CodeKeyState,
  useCodeKey,
  useCorrectedNow,
  useKeepScreenOn,
  useLiveAttendance,
  usePageShown,
  useReconnect,
} from './use-checkin-screen';
import './index.scss';

const TOAST_ID = 'organiser-toast';

type ReadyCodeKey = Extract<CodeKeyState, { status: 'ready' }>;

function TalkHeader({ talk }: { talk: CheckinTalk | null }) {
  if (!talk) return null;
  return (
    <View className="ywk-organiser__talk">
      <View className="ywk-organiser__title">{talk.title}</View>
      <View className="ywk-organiser__meta">{`${formatDateTime(talk.startsAt)} · ${talk.venueName}`}</View>
    </View>
  );
}

function CodePanel({ screenCode }: { screenCode: ScreenCode }) {
  if (screenCode.state === 'not_open') {
    return (
      <View className="ywk-organiser__closed">
        <View className="ywk-organiser__closed-icon">
          <Clock />
        </View>
        <View className="ywk-organiser__closed-title">签到尚未开始</View>
        <View className="ywk-organiser__closed-line">{`签到时间从 ${formatDateTime(screenCode.opensAt)} 开始，到时这里会自动出现二维码`}</View>
      </View>
    );
  }
  if (screenCode.state === 'closed') {
    return (
      <View className="ywk-organiser__closed">
        <View className="ywk-organiser__closed-icon">
          <Clock />
        </View>
        <View className="ywk-organiser__closed-title">签到已结束</View>
        <View className="ywk-organiser__closed-line">{`签到已于 ${formatDateTime(screenCode.closesAt)} 截止`}</View>
      </View>
    );
  }
  return (
    <View className="ywk-organiser__code">
      <QrCode className="ywk-organiser__qr" text={screenCode.text} label="签到二维码" />
      <View className="ywk-organiser__countdown">{`${screenCode.secondsLeft} 秒后更换`}</View>
      <View className="ywk-organiser__hint">请用微信扫一扫，对准二维码签到</View>
      {/* On the web an attendee without a scanner types this link (see CheckinEntry). */}
      <Text className="ywk-organiser__link" userSelect>
        {screenCode.text}
      </Text>
    </View>
  );
}

function ReadyScreen({
  talkId,
  userId,
  codeKey,
  shown,
  onKeyStale,
}: {
  talkId: number;
  userId: number;
  codeKey: ReadyCodeKey;
  shown: boolean;
  onKeyStale: () => void;
}) {
  const [manualOpen, setManualOpen] = useState(false);
  const now = useCorrectedNow(codeKey.offsetMs, shown);
  const [live, pollNow] = useLiveAttendance(talkId, userId, shown);
  useKeepScreenOn(shown);
  // Back online after an offline start: fetch the key again for a fresh clock, and the count.
  useReconnect(() => {
    pollNow();
    if (codeKey.offline) onKeyStale();
  });

  const screenCode = screenCodeAt(codeKey.codeInfo, codeKey.talkKey, now);
  const talk = live.attendance?.talk ?? codeKey.storedTalk;
  const count = live.attendance?.counts.checkedIn;
  const open = screenCode.state === 'open';

  function checkedIn(entry: AttendanceEntry) {
    Toast.show(TOAST_ID, { content: `已为 ${entry.name} 代签到`, icon: 'success' });
    pollNow();
  }

  return (
    <View className="ywk-organiser">
      <TalkHeader talk={talk} />
      {codeKey.offline || live.failed ? (
        <View className="ywk-organiser__offline">
          <Warning /> 网络中断，二维码仍可使用，签到人数联网后更新
        </View>
      ) : null}
      <CodePanel screenCode={screenCode} />
      <View className="ywk-organiser__count">{count === undefined ? '正在统计签到人数…' : `已签到 ${count} 人`}</View>
      <View className="ywk-organiser__actions">
        {open ? (
          <>
            <Button type="primary" size="large" icon={<UserAdd />} onClick={() => setManualOpen(true)}>
              代签到
            </Button>
            <Button
              type="primary"
              fill="outline"
              size="large"
              icon={<Scan />}
              onClick={() => openPersonalCodeScanner(talkId).catch(() => undefined)}
            >
              扫签到码
            </Button>
          </>
        ) : null}
        <Button fill="outline" size="large" icon={<List />} onClick={() => openAttendance(talkId).catch(() => undefined)}>
          签到名单
        </Button>
      </View>
      <ManualCheckinDialog
        visible={manualOpen}
        talkId={talkId}
        onCheckedIn={checkedIn}
        onClose={() => setManualOpen(false)}
      />
    </View>
  );
}

function CheckinScreen({ talkId, userId }: { talkId: number; userId: number }) {
  const shown = usePageShown();
  const [codeKey, reloadKey] = useCodeKey(talkId, userId);

  switch (codeKey.status) {
    case 'loading':
      return <LoadingState text="正在准备签到二维码…" />;
    case 'forbidden':
      return <NotOrganiser error={codeKey.error} />;
    case 'error':
      return <ErrorState error={codeKey.error} onRetry={reloadKey} title="签到二维码打不开" />;
    case 'ready':
      return <ReadyScreen talkId={talkId} userId={userId} codeKey={codeKey} shown={shown} onKeyStale={reloadKey} />;
  }
}

/** 签到二维码: the organiser's rotating code, made on the phone so it keeps working offline. */
export default function CheckinScreenPage() {
  const { params } = useRouter();
  const talkId = talkIdFrom(params);
  return (
    <PageShell>
      {talkId === null ? (
        <EmptyState icon={<Tips />} title="找不到这场宣讲" description="请从宣讲日历或我的宣讲里重新打开。" />
      ) : (
        <SignedIn>
          {(session) => <CheckinScreen key={`${session.user.id}:${talkId}`} talkId={talkId} userId={session.user.id} />}
        </SignedIn>
      )}
      <Toast id={TOAST_ID} />
    </PageShell>
  );
}
