import { useCallback, useState } from 'react';
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Cell, Input, Toast } from '@nutui/nutui-react-taro';
import { CheckChecked, Failure, Refresh, Scan } from '@nutui/icons-react-taro';
import { parsePersonalCode } from '../../../core/checkin';
import { inShanghai } from '../../../core/time';
import { EmptyState } from '../../../components/empty-state';
import { PageShell } from '../../../components/page-shell';
import { SignedIn } from '../../../components/signed-in';
import { useQueuedCheckins, type QueuedCheckins } from '../../../hooks/use-queued-checkins';
import { organiserApi } from '../../../services/api';
import { NETWORK_ERROR, errorMessage, isApiError } from '../../../services/api-error';
import { idParam } from '../../../services/navigation';
import { newNonce } from '../../../services/nonce';
import { personalResultText, queuePersonalScan, syncQueue } from '../../../services/offline-queue';
import './index.scss';

const inMiniProgram = process.env.TARO_ENV === 'weapp';
const TOAST_ID = 'scan-person-toast';

type ScanStatus = 'sending' | 'checked_in' | 'already_checked_in' | 'refused' | 'queued';

/** One scan of this session, newest first on the page. */
interface PersonScan {
  nonce: string;
  scannedAt: string;
  status: ScanStatus;
  text: string;
}

const STATUS_LABELS: Record<ScanStatus, string> = {
  sending: '签到中',
  checked_in: '签到成功',
  already_checked_in: '已签到',
  refused: '未签上',
  queued: '待同步',
};

/** A queued scan that the sync has since sent shows the server's answer instead. */
function resolved(scan: PersonScan, queue: QueuedCheckins): PersonScan {
  if (scan.status !== 'queued') return scan;
  const outcome = queue.outcomes.find((candidate) => candidate.nonce === scan.nonce);
  if (outcome) return { ...scan, status: outcome.accepted ? 'checked_in' : 'refused', text: outcome.message };
  return scan;
}

function LatestScan({ scan }: { scan: PersonScan }) {
  const good = scan.status === 'checked_in' || scan.status === 'already_checked_in';
  const icon = good ? <CheckChecked /> : scan.status === 'queued' || scan.status === 'sending' ? <Refresh /> : <Failure />;
  return (
    <View className={`ywk-person-latest ywk-person-latest--${good ? 'success' : 'warning'}`}>
      <View className="ywk-person-latest__icon">{icon}</View>
      <View className="ywk-person-latest__text">{scan.text}</View>
      {scan.status === 'queued' ? (
        <View className="ywk-person-latest__line">没有网络，已存在手机上，网络恢复后会自动补签到，请不要重复扫码</View>
      ) : null}
    </View>
  );
}

function ScanControls({ onCode }: { onCode: (text: string) => void }) {
  const [typed, setTyped] = useState('');

  if (inMiniProgram) {
    const scanWithCamera = async () => {
      try {
        const scanned = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
        onCode(scanned.result);
      } catch {
        // Closing the camera without scanning is not an error worth a message.
      }
    };
    return (
      <View className="ywk-person-controls">
        <View className="ywk-person-controls__hint">请对准参会者手机上的“我的签到码”</View>
        <Button type="primary" size="xlarge" block icon={<Scan />} onClick={scanWithCamera}>
          扫码
        </Button>
      </View>
    );
  }

  // A browser has no scanner: the organiser types or pastes the text under the attendee's QR.
  const codeText = typed.trim();
  const submit = () => {
    onCode(codeText);
    setTyped('');
  };
  return (
    <View className="ywk-person-controls">
      <View className="ywk-person-controls__hint">请输入或粘贴参会者“我的签到码”下方的文字</View>
      <Input
        className="ywk-person-controls__input"
        placeholder="个人签到码"
        value={typed}
        onChange={setTyped}
        maxLength={128}
        clearable
      />
      <Button type="primary" size="xlarge" block disabled={!codeText} onClick={submit}>
        签到
      </Button>
    </View>
  );
}

function PersonalCodeScanner({ talkId }: { talkId: number }) {
  const [scans, setScans] = useState<PersonScan[]>([]);
  const queue = useQueuedCheckins();
  const waiting = queue.pending.filter((entry) => entry.kind === 'personal' && entry.talkId === talkId).length;

  const update = useCallback((nonce: string, change: Pick<PersonScan, 'status' | 'text'>) => {
    setScans((earlier) => earlier.map((scan) => (scan.nonce === nonce ? { ...scan, ...change } : scan)));
  }, []);

  const checkIn = useCallback(
    async (text: string) => {
      const code = text.trim();
      const scan: PersonScan = { nonce: newNonce(), scannedAt: new Date().toISOString(), status: 'sending', text: '正在签到…' };
      const parsed = parsePersonalCode(code);
      // Only the server can verify a code, but anything that is not one (the screen's own code,
      // a shop's QR) is answered here at once.
      if (!parsed) {
        setScans((earlier) => [{ ...scan, status: 'refused', text: '这不是参会者的签到码，请扫对方手机上的“我的签到码”' }, ...earlier]);
        return;
      }
      setScans((earlier) => [scan, ...earlier]);
      try {
        const result = await organiserApi.checkInPersonalCode({ talkId, code, nonce: scan.nonce });
        update(scan.nonce, { status: result.status, text: personalResultText(result) });
      } catch (error) {
        if (!isApiError(error, NETWORK_ERROR)) {
          update(scan.nonce, { status: 'refused', text: errorMessage(error) });
          return;
        }
        // Offline the name is unknown: the attendee's number tells the organiser whom it was.
        const label = `参会者（编号 ${parsed.userId}）`;
        const queued = queuePersonalScan({ talkId, code, scannedAt: scan.scannedAt, nonce: scan.nonce, label, lastError: error.message });
        update(
          scan.nonce,
          queued ? { status: 'queued', text: `${label} 已保存，待同步` } : { status: 'refused', text: error.message },
        );
      }
    },
    [talkId, update],
  );

  async function syncNow() {
    const report = await syncQueue();
    if (report.remaining === 0) Toast.show(TOAST_ID, { content: '已全部同步', icon: 'success' });
    else Toast.show(TOAST_ID, { content: `还有 ${report.remaining} 条没有送到，网络恢复后会自动再试`, icon: 'fail' });
  }

  const shown = scans.map((scan) => resolved(scan, queue));
  return (
    <>
      <ScanControls onCode={checkIn} />
      {shown.length > 0 ? <LatestScan scan={shown[0]} /> : null}
      {waiting > 0 ? (
        <View className="ywk-person-waiting">
          <View className="ywk-person-waiting__text">还有 {waiting} 人待同步</View>
          <Button type="primary" fill="outline" loading={queue.syncing} disabled={queue.syncing} onClick={syncNow}>
            立即同步
          </Button>
        </View>
      ) : null}
      <View className="ywk-section-title">本次扫码</View>
      {shown.length === 0 ? (
        <View className="ywk-person-none">还没有扫码，扫到的人会列在这里</View>
      ) : (
        <Cell.Group>
          {shown.map((scan) => (
            <Cell
              key={scan.nonce}
              className={`ywk-person-scan ywk-person-scan--${scan.status}`}
              title={scan.text}
              description={inShanghai(scan.scannedAt).format('HH:mm:ss')}
              extra={<View className="ywk-person-scan__status">{STATUS_LABELS[scan.status]}</View>}
            />
          ))}
        </Cell.Group>
      )}
    </>
  );
}

/** The organiser checks in attendees who show 我的签到码, one scan after another. Opened with `?id=<talkId>`. */
export default function ScanPersonPage() {
  const { params } = useRouter();
  const talkId = idParam(params);
  return (
    <PageShell>
      {talkId === null ? (
        <EmptyState icon={<Failure />} title="找不到这场活动" description="请从活动页面重新进入" />
      ) : (
        <SignedIn>{(session) => <PersonalCodeScanner key={session.user.id} talkId={talkId} />}</SignedIn>
      )}
      <Toast id={TOAST_ID} />
    </PageShell>
  );
}
