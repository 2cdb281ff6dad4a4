import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { CheckChecked, Clock, Failure, Location, NetworkError, Refresh } from '@nutui/icons-react-taro';
import type { CheckinResult } from '../../../core/api/checkin';
import { parseCheckinCode } from '../../../core/checkin';
import { ERRORS } from '../../../core/errors';
import { formatDateTime } from '../../../core/time';
import { LoadingState } from '../../../components/loading-state';
import { PageShell } from '../../../components/page-shell';
import { SignedIn } from '../../../components/signed-in';
import { useQueuedCheckins } from '../../../hooks/use-queued-checkins';
import { checkinApi } from '../../../services/api';
import { ApiError, NETWORK_ERROR, errorMessage } from '../../../services/api-error';
import { PAGES } from '../../../services/navigation';
import { newNonce } from '../../../services/nonce';
import { forgetQueued, isFinalAnswer, queueScan, queuedCheckins } from '../../../services/offline-queue';
import { checkinTextFrom } from './checkin-text';
import './index.scss';

interface GeoPoint {
  lat: number;
  lng: number;
}

type Attempt =
  | { step: 'sending' }
  | { step: 'answered'; result: CheckinResult }
  | { step: 'refused'; error: ApiError }
  | { step: 'invalid' }
  | { step: 'queued' }
  | { step: 'offline' }
  | { step: 'needs_location'; denied: boolean }
  | { step: 'failed'; error: unknown };

function detailText(details: Record<string, unknown> | undefined, key: string): string | null {
  const value = details?.[key];
  return typeof value === 'string' ? formatDateTime(value) : null;
}

function detailNumber(details: Record<string, unknown> | undefined, key: string): number | null {
  const value = details?.[key];
  return typeof value === 'number' ? Math.round(value) : null;
}

/** The line under a refusal's title: what it means for the attendee, with the times or distance. */
function refusalExplanation(error: ApiError): string | null {
  switch (error.code) {
    case 'not_open': {
      const opensAt = detailText(error.details, 'opensAt');
      return opensAt ? `签到时间从 ${opensAt} 开始，请到时再扫码` : '请在活动开始前后再扫码';
    }
    case 'closed': {
      const closesAt = detailText(error.details, 'closesAt');
      return closesAt ? `签到已于 ${closesAt} 截止` : null;
    }
    case 'outside_area': {
      const distance = detailNumber(error.details, 'distanceM');
      const radius = detailNumber(error.details, 'radiusM');
      if (distance === null) return '请到活动场地后再扫码';
      return radius === null
        ? `您离活动场地约 ${distance} 米，请到场地后再扫码`
        : `您离活动场地约 ${distance} 米，需在 ${radius} 米以内才能签到`;
    }
    case 'expired_code':
      return '现场的二维码每隔一会儿就会更换，请对准屏幕重新扫一次';
    default:
      return null;
  }
}

function Outcome({
  tone,
  icon,
  title,
  lines,
  children,
}: {
  tone: 'success' | 'warning';
  icon: ReactNode;
  title: string;
  lines: (string | null)[];
  children?: ReactNode;
}) {
  return (
    <View className={`ywk-checkin-outcome ywk-checkin-outcome--${tone}`}>
      <View className="ywk-checkin-outcome__icon">{icon}</View>
      <View className="ywk-checkin-outcome__title">{title}</View>
      {lines
        .filter((line): line is string => Boolean(line))
        .map((line) => (
          <View key={line} className="ywk-checkin-outcome__line">
            {line}
          </View>
        ))}
      {children ? <View className="ywk-checkin-outcome__actions">{children}</View> : null}
    </View>
  );
}

function backToCheckinTab() {
  Taro.switchTab({ url: PAGES.checkin });
}

function ScanAgainButton() {
  return (
    <Button type="primary" size="xlarge" block onClick={backToCheckinTab}>
      重新扫码
    </Button>
  );
}

function DoneButton() {
  return (
    <Button type="primary" size="xlarge" block onClick={backToCheckinTab}>
      完成
    </Button>
  );
}

async function currentLocation(): Promise<GeoPoint | null> {
  try {
    // GCJ-02: the venues' coordinates are stored in it, as WeChat's maps use it.
    const position = await Taro.getLocation({ type: 'gcj02' });
    return { lat: position.latitude, lng: position.longitude };
  } catch {
    return null;
  }
}

/** Once the queue has sent the saved scan, the page shows the server's answer to it. */
function SyncedOutcome({ accepted, message }: { accepted: boolean; message: string }) {
  return accepted ? (
    <Outcome tone="success" icon={<CheckChecked />} title={message} lines={['离线签到已同步']}>
      <DoneButton />
    </Outcome>
  ) : (
    <Outcome tone="warning" icon={<Failure />} title={message} lines={['离线签到没有成功']}>
      <DoneButton />
    </Outcome>
  );
}

function QueuedOutcome({ nonce, scannedAt, onRetry }: { nonce: string; scannedAt: string; onRetry: () => void }) {
  const { outcomes } = useQueuedCheckins();
  const synced = outcomes.find((outcome) => outcome.nonce === nonce);
  if (synced) return <SyncedOutcome accepted={synced.accepted} message={synced.message} />;
  return (
    <Outcome
      tone="warning"
      icon={<Refresh />}
      title="已保存，待同步"
      lines={['网络恢复后会自动补签到，请不要重复扫码', `扫码时间 ${formatDateTime(scannedAt)}`]}
    >
      <Button type="primary" size="xlarge" block onClick={onRetry}>
        重试
      </Button>
    </Outcome>
  );
}

function CheckinAttempt({ codeText, scannedAt }: { codeText: string; scannedAt: string }) {
  const [attempt, setAttempt] = useState<Attempt>({ step: 'sending' });
  // One nonce per scan: a 重试 after a lost answer is the same attempt, and the server answers it
  // again instead of recording it twice.
  const nonce = useRef(newNonce());
  const location = useRef<GeoPoint | undefined>(undefined);
  // After a network failure every later send carries the scan time: the code on the screen has
  // rotated by then, and the server must judge the attempt when it was scanned, as the queue will.
  const lostOnce = useRef(false);

  const send = useCallback(async () => {
    setAttempt({ step: 'sending' });
    try {
      const result = await checkinApi.scan({
        code: codeText,
        nonce: nonce.current,
        location: location.current,
        ...(lostOnce.current ? { scannedAt } : {}),
      });
      forgetQueued(nonce.current);
      setAttempt({ step: 'answered', result });
    } catch (error) {
      if (!(error instanceof ApiError)) {
        setAttempt({ step: 'failed', error });
        return;
      }
      if (error.code === NETWORK_ERROR) {
        lostOnce.current = true;
        const queued = queueScan({
          code: codeText,
          scannedAt,
          nonce: nonce.current,
          ...(location.current ? { location: location.current } : {}),
          lastError: error.message,
        });
        setAttempt({ step: queued ? 'queued' : 'offline' });
        return;
      }
      if (isFinalAnswer(error)) {
        forgetQueued(nonce.current);
      } else if (queuedCheckins().some((entry) => entry.nonce === nonce.current)) {
        // The server could not answer just now (busy, or the session needs renewing): the saved
        // copy stays, and the queue will send it later.
        setAttempt({ step: 'queued' });
        return;
      }
      if (error.code === 'location_required') setAttempt({ step: 'needs_location', denied: false });
      else if (error.code === 'invalid_code') setAttempt({ step: 'invalid' });
      else setAttempt({ step: 'refused', error });
    }
  }, [codeText, scannedAt]);

  const sendWithLocation = useCallback(async () => {
    const point = await currentLocation();
    if (!point) {
      setAttempt({ step: 'needs_location', denied: true });
      return;
    }
    location.current = point;
    // The server keeps its answer to each nonce (a replay gets the same refusal), so the attempt
    // with a location is a new one.
    nonce.current = newNonce();
    await send();
  }, [send]);

  useEffect(() => {
    send();
  }, [send]);

  switch (attempt.step) {
    case 'sending':
      return <LoadingState text="正在签到…" />;
    case 'answered': {
      const { result } = attempt;
      const talkLines = [result.talk.title, `${formatDateTime(result.talk.startsAt)} · ${result.talk.venueName}`];
      return result.status === 'checked_in' ? (
        <Outcome
          tone="success"
          icon={<CheckChecked />}
          title="签到成功"
          lines={[...talkLines, `签到时间 ${formatDateTime(result.checkedInAt)}`]}
        >
          <DoneButton />
        </Outcome>
      ) : (
        <Outcome
          tone="success"
          icon={<CheckChecked />}
          title="已签到"
          lines={[...talkLines, `您已于 ${formatDateTime(result.firstCheckedInAt)} 签到，不用再签`]}
        >
          <DoneButton />
        </Outcome>
      );
    }
    case 'invalid':
      return (
        <Outcome tone="warning" icon={<Failure />} title={ERRORS.invalid_code.message} lines={['这不是本次活动的签到码，请扫描现场屏幕上的二维码']}>
          <ScanAgainButton />
        </Outcome>
      );
    case 'refused':
      return (
        <Outcome
          tone="warning"
          icon={attempt.error.code === 'outside_area' ? <Location /> : <Clock />}
          title={attempt.error.message}
          lines={[refusalExplanation(attempt.error)]}
        >
          {attempt.error.code === 'expired_code' ? <ScanAgainButton /> : null}
          {attempt.error.code === 'outside_area' ? (
            <Button type="primary" size="xlarge" block onClick={sendWithLocation}>
              到场后再试一次
            </Button>
          ) : null}
        </Outcome>
      );
    case 'needs_location':
      return (
        <Outcome
          tone="warning"
          icon={<Location />}
          title="需要您的位置"
          lines={[
            '这场活动要核对您是否在活动场地附近，请允许获取位置后签到。',
            attempt.denied ? '没有拿到位置。请在设置里允许使用位置信息，再点下面的按钮。' : null,
          ]}
        >
          <Button type="primary" size="xlarge" block onClick={sendWithLocation}>
            获取位置并签到
          </Button>
        </Outcome>
      );
    case 'queued':
      return <QueuedOutcome nonce={nonce.current} scannedAt={scannedAt} onRetry={send} />;
    case 'offline':
      return (
        <Outcome tone="warning" icon={<NetworkError />} title="网络不给力" lines={['签到还没有送到，请检查网络后点重试']}>
          <Button type="primary" size="xlarge" block onClick={send}>
            重试
          </Button>
        </Outcome>
      );
    case 'failed':
      return (
        <Outcome tone="warning" icon={<Failure />} title="签到没有成功" lines={[errorMessage(attempt.error)]}>
          <Button type="primary" size="xlarge" block onClick={send}>
            重试
          </Button>
        </Outcome>
      );
  }
}

/** Opened by the talk's rotating code: checks the attendee in and says plainly how it went. */
export default function CheckinScanPage() {
  const { params } = useRouter();
  const codeText = checkinTextFrom(params);
  // When the page got the code: a scan saved for later is judged at this time, not at the sync.
  const [scannedAt] = useState(() => new Date().toISOString());
  // A code this app cannot read is answered here: the server would only say the same.
  const recognised = codeText !== null && parseCheckinCode(codeText) !== null;

  return (
    <PageShell>
      {recognised ? (
        <SignedIn>{(session) => <CheckinAttempt key={session.user.id} codeText={codeText} scannedAt={scannedAt} />}</SignedIn>
      ) : (
        <Outcome tone="warning" icon={<Failure />} title={ERRORS.invalid_code.message} lines={['这不是本次活动的签到码，请扫描现场屏幕上的二维码']}>
          <ScanAgainButton />
        </Outcome>
      )}
    </PageShell>
  );
}
