import { useEffect, useRef, useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Cell, Toast } from '@nutui/nutui-react-taro';
import { Checked } from '@nutui/icons-react-taro';
import type { MyCheckins, TodayTalks } from '../../core/api/checkin';
import { formatDateTime, inShanghai } from '../../core/time';
import { CheckinEntry } from '../../components/checkin-entry';
import { ErrorState } from '../../components/error-state';
import { ListSkeleton } from '../../components/list-skeleton';
import { PageShell } from '../../components/page-shell';
import { SignedIn } from '../../components/signed-in';
import { useQueuedCheckins } from '../../hooks/use-queued-checkins';
import { useRemote } from '../../hooks/use-remote';
import { checkinApi } from '../../services/api';
import { openTalk } from '../../services/booking-navigation';
import { PAGES } from '../../services/navigation';
import { dismissOutcomes, queuedTitle, syncQueue } from '../../services/offline-queue';
import './index.scss';

/** How many past check-ins the tab shows; the rest are history nobody scrolls to. */
const RECENT_CHECKINS = 10;

const TOAST_ID = 'checkin-tab-toast';

/** Scans kept on the phone while the network was down, and what the server said to the ones sent since. */
function QueuedCheckinList() {
  const { pending, outcomes, syncing } = useQueuedCheckins();
  if (pending.length === 0 && outcomes.length === 0) return null;

  async function syncNow() {
    const report = await syncQueue();
    if (report.remaining === 0) {
      Toast.show(TOAST_ID, { content: '已全部同步', icon: 'success' });
    } else {
      Toast.show(TOAST_ID, { content: `还有 ${report.remaining} 条没有送到，网络恢复后会自动再试`, icon: 'fail' });
    }
  }

  return (
    <>
      {pending.length > 0 ? (
        <>
          <View className="ywk-section-title">待同步</View>
          <View className="ywk-queue-hint">没有网络时扫的码先存在手机上，网络恢复后会自动补签到，请不要重复扫码</View>
          <Cell.Group>
            {pending.map((entry) => (
              <Cell
                key={entry.nonce}
                className="ywk-queued-checkin"
                title={queuedTitle(entry)}
                description={`扫码于 ${formatDateTime(entry.scannedAt)}${entry.lastError ? ` · ${entry.lastError}` : ''}`}
                extra={<View className="ywk-queued-checkin__status">待同步</View>}
              />
            ))}
          </Cell.Group>
          <View className="ywk-queue-actions">
            <Button type="primary" block loading={syncing} disabled={syncing} onClick={syncNow}>
              {syncing ? '正在同步…' : '立即同步'}
            </Button>
          </View>
        </>
      ) : null}
      {outcomes.length > 0 ? (
        <>
          <View className="ywk-section-title">同步结果</View>
          <Cell.Group>
            {outcomes.map((outcome) => (
              <Cell
                key={outcome.nonce}
                className={`ywk-sync-outcome ywk-sync-outcome--${outcome.accepted ? 'accepted' : 'refused'}`}
                title={outcome.title}
                description={outcome.accepted ? `离线签到已同步：${outcome.message}` : `离线签到没有成功：${outcome.message}`}
              />
            ))}
          </Cell.Group>
          <View className="ywk-queue-actions">
            <Button fill="outline" block onClick={dismissOutcomes}>
              知道了
            </Button>
          </View>
        </>
      ) : null}
    </>
  );
}

function TodayTalkList({ today }: { today: TodayTalks }) {
  if (today.items.length === 0) {
    return <View className="ywk-checkin-none">今天没有您报名的宣讲</View>;
  }
  return (
    <Cell.Group>
      {today.items.map((entry) => (
        <Cell
          key={entry.talk.id}
          className="ywk-today-talk"
          title={entry.talk.title}
          description={`${inShanghai(entry.talk.startsAt).format('HH:mm')}–${inShanghai(entry.endsAt).format('HH:mm')} · ${entry.talk.venueName}`}
          extra={
            entry.checkedInAt ? (
              <View className="ywk-today-talk__done">
                <Checked /> 已签到
              </View>
            ) : (
              <View className="ywk-today-talk__todo">未签到</View>
            )
          }
        />
      ))}
    </Cell.Group>
  );
}

function CheckinRecordList({ record }: { record: MyCheckins }) {
  if (record.items.length === 0) {
    return <View className="ywk-checkin-none">还没有签到记录</View>;
  }
  return (
    <Cell.Group>
      {record.items.slice(0, RECENT_CHECKINS).map((checkin) => (
        <Cell
          key={checkin.talk.id}
          className="ywk-checkin-record"
          title={checkin.talk.title}
          description={`${checkin.talk.venueName} · 签到于 ${formatDateTime(checkin.checkedInAt)}`}
          clickable
          onClick={() => openTalk(checkin.talk.id)}
        />
      ))}
    </Cell.Group>
  );
}

function SignedInCheckin({ userId }: { userId: number }) {
  // Back from the check-in page, the lists must show the new 已签到; the first show is the mount.
  const [shown, setShown] = useState(0);
  const mounted = useRef(false);
  Taro.useDidShow(() => {
    if (mounted.current) setShown((count) => count + 1);
    mounted.current = true;
  });
  const [today, reloadToday] = useRemote(checkinApi.todayTalks, `${userId}:${shown}`);
  const [record, reloadRecord] = useRemote(checkinApi.myCheckins, `${userId}:${shown}`);

  // A queued scan the sync just got through shows up as 已签到 and in the record.
  const { outcomes } = useQueuedCheckins();
  const newestOutcome = outcomes[0]?.nonce;
  const seenOutcome = useRef(newestOutcome);
  useEffect(() => {
    if (newestOutcome === undefined || newestOutcome === seenOutcome.current) return;
    seenOutcome.current = newestOutcome;
    reloadToday();
    reloadRecord();
  }, [newestOutcome, reloadToday, reloadRecord]);

  return (
    <>
      <CheckinEntry />
      <QueuedCheckinList />
      <View className="ywk-section-title">今天的宣讲</View>
      {today.status === 'loading' ? <ListSkeleton cards={1} /> : null}
      {today.status === 'error' ? <ErrorState error={today.error} onRetry={reloadToday} /> : null}
      {today.status === 'ready' ? <TodayTalkList today={today.data} /> : null}
      <Cell.Group className="ywk-section">
        <Cell
          title="我的签到码"
          description="没有扫码时，请工作人员核对"
          clickable
          onClick={() => Taro.navigateTo({ url: PAGES.myCheckinCode })}
        />
      </Cell.Group>
      <View className="ywk-section-title">我的签到记录</View>
      {record.status === 'loading' ? <ListSkeleton cards={2} /> : null}
      {record.status === 'error' ? <ErrorState error={record.error} onRetry={reloadRecord} /> : null}
      {record.status === 'ready' ? <CheckinRecordList record={record.data} /> : null}
    </>
  );
}

export default function CheckinPage() {
  return (
    <PageShell>
      {/* 签到 is recorded under the attendee's name, so there is nothing to do here before signing in. */}
      <SignedIn>{(session) => <SignedInCheckin userId={session.user.id} />}</SignedIn>
      <Toast id={TOAST_ID} />
    </PageShell>
  );
}
