import { useEffect, useState } from 'react';
import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { Tabs, Toast } from '@nutui/nutui-react-taro';
import { ShieldCheck, Tips, User } from '@nutui/icons-react-taro';
import type { Attendance, AttendanceEntry, RefusedAttempt } from '../../../core/api/checkin';
import { CHECKIN_HOW_LABELS } from '../../../core/checkin/how';
import { formatDateTime } from '../../../core/time';
import { EmptyState } from '../../../components/empty-state';
import { ErrorState } from '../../../components/error-state';
import { ListSkeleton } from '../../../components/list-skeleton';
import { PageShell } from '../../../components/page-shell';
import { RefreshableList } from '../../../components/refreshable-list';
import { SignedIn } from '../../../components/signed-in';
import { useOnReturn } from '../../../hooks/use-on-return';
import { type CursorPage, usePagedList } from '../../../hooks/use-paged-list';
import { organiserApi } from '../../../services/api';
import { ApiError, errorMessage } from '../../../services/api-error';
import { NotOrganiser, talkIdFrom } from '../organiser/shared';
import './index.scss';

const TOAST_ID = 'attendance-toast';

type AttendanceTab = 'checkins' | 'refusals';

/**
 * The server answers the whole list at once (a talk has a few hundred people at most); it goes
 * through the paged-list hook for its pull-to-refresh that keeps the list on screen.
 */
type AttendanceAnswer = CursorPage<AttendanceEntry> & { attendance: Attendance };

async function loadAttendancePage(talkId: number): Promise<AttendanceAnswer> {
  const attendance = await organiserApi.attendance(talkId);
  return { items: attendance.checkins, nextCursor: null, attendance };
}

function isForbidden(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 403;
}

function Summary({ attendance }: { attendance: Attendance }) {
  const { talk, counts } = attendance;
  return (
    <View className="ywk-attendance-summary">
      <View className="ywk-attendance-summary__title">{talk.title}</View>
      <View className="ywk-attendance-summary__meta">{`${formatDateTime(talk.startsAt)} · ${talk.venueName}`}</View>
      <View className="ywk-attendance-summary__total">{`已签到 ${counts.checkedIn} 人`}</View>
      <View className="ywk-attendance-summary__ways">
        {`扫码 ${counts.scan} · 签到码 ${counts.personalCode} · 代签到 ${counts.manual}`}
      </View>
      {/* Offline uploads are scans or personal codes too, so they are part of those numbers. */}
      <View className="ywk-attendance-summary__ways">{`其中离线补传 ${counts.offline} 人 · 被拒 ${counts.refused} 次`}</View>
    </View>
  );
}

function recorderLine(entry: AttendanceEntry): string | null {
  if (!entry.recordedBy) return null;
  if (entry.method === 'manual') return `代签人：${entry.recordedBy}`;
  if (entry.method === 'personal_code') return `核对人：${entry.recordedBy}`;
  return null;
}

function CheckinRow({ entry }: { entry: AttendanceEntry }) {
  const recorder = recorderLine(entry);
  return (
    <View className="ywk-attendance-row">
      <View className="ywk-attendance-row__head">
        <View className="ywk-attendance-row__name">{entry.name || '未登记姓名'}</View>
        <View className={`ywk-attendance-row__how ywk-attendance-row__how--${entry.how}`}>{CHECKIN_HOW_LABELS[entry.how]}</View>
      </View>
      <View className="ywk-attendance-row__meta">
        {[entry.phone, formatDateTime(entry.checkedInAt)].filter(Boolean).join(' · ')}
      </View>
      {recorder ? <View className="ywk-attendance-row__meta">{recorder}</View> : null}
    </View>
  );
}

function refusedName(refusal: RefusedAttempt): string {
  // A refused 代签到 has no account behind it; the name typed is in its details.
  const typed = refusal.details.name;
  return refusal.name ?? (typeof typed === 'string' && typed ? typed : '未登记姓名');
}

function RefusalRow({ refusal }: { refusal: RefusedAttempt }) {
  return (
    <View className="ywk-attendance-row">
      <View className="ywk-attendance-row__head">
        <View className="ywk-attendance-row__name">{refusedName(refusal)}</View>
        <View className="ywk-attendance-row__time">{formatDateTime(refusal.at)}</View>
      </View>
      <View className="ywk-attendance-row__reason">{refusal.message}</View>
    </View>
  );
}

/** Said under the last row: the server sends the newest 200, the counts cover everyone. */
function endText(shown: number, total: number, unit: string): string {
  return total > shown ? `只显示最近 ${shown} ${unit}` : '已全部显示';
}

function AttendanceList({ talkId, userId }: { talkId: number; userId: number }) {
  const [tab, setTab] = useState<AttendanceTab>('checkins');
  const { list, failure, loadMore, refresh, retry } = usePagedList<AttendanceEntry, AttendanceAnswer>(
    () => loadAttendancePage(talkId),
    `${userId}:${talkId}`,
  );
  // Back from the code screen or the personal-code scanner, the list must show who came since.
  useOnReturn(refresh);

  useEffect(() => {
    if (failure) Toast.show(TOAST_ID, { content: errorMessage(failure), icon: 'fail' });
  }, [failure]);

  if (list.status === 'loading') return <ListSkeleton />;
  if (list.status === 'error') {
    return isForbidden(list.error) ? <NotOrganiser error={list.error} /> : <ErrorState error={list.error} onRetry={retry} />;
  }

  const { attendance } = list.first;
  return (
    <>
      <Summary attendance={attendance} />
      <Tabs
        className="ywk-attendance-tabs"
        value={tab}
        duration={0}
        onChange={(value) => setTab(value === 'refusals' ? 'refusals' : 'checkins')}
      >
        <Tabs.TabPane title="签到名单" value="checkins" />
        <Tabs.TabPane title="被拒记录" value="refusals" />
      </Tabs>
      {tab === 'checkins' ? (
        <RefreshableList
          hasMore={false}
          onLoadMore={loadMore}
          onRefresh={refresh}
          endText={attendance.checkins.length ? endText(attendance.checkins.length, attendance.counts.checkedIn, '人') : ''}
        >
          {attendance.checkins.length === 0 ? (
            <EmptyState icon={<User />} title="还没有人签到" description="居民扫码或由您代签到后，会出现在这里。下拉可以刷新。" />
          ) : (
            attendance.checkins.map((entry) => <CheckinRow key={entry.id} entry={entry} />)
          )}
        </RefreshableList>
      ) : (
        <RefreshableList
          hasMore={false}
          onLoadMore={loadMore}
          onRefresh={refresh}
          endText={attendance.refusals.length ? endText(attendance.refusals.length, attendance.counts.refused, '条') : ''}
        >
          {attendance.refusals.length === 0 ? (
            <EmptyState icon={<ShieldCheck />} title="没有被拒的签到" description="扫了过期的码、不在签到时间等没能签上的，会记在这里。" />
          ) : (
            attendance.refusals.map((refusal) => <RefusalRow key={refusal.id} refusal={refusal} />)
          )}
        </RefreshableList>
      )}
    </>
  );
}

/** 签到名单: who checked in to a talk and how, and the attempts that were refused, for its organisers. */
export default function AttendanceListPage() {
  const { params } = useRouter();
  const talkId = talkIdFrom(params);
  return (
    <PageShell className="ywk-fill-page">
      {talkId === null ? (
        <EmptyState icon={<Tips />} title="找不到这场宣讲" description="请从签到二维码页面重新打开签到名单。" />
      ) : (
        <SignedIn>
          {(session) => <AttendanceList key={`${session.user.id}:${talkId}`} talkId={talkId} userId={session.user.id} />}
        </SignedIn>
      )}
      <Toast id={TOAST_ID} />
    </PageShell>
  );
}
