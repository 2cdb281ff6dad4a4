import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { PersonalCodeInfo } from '../../../core/api/checkin';
import { formatDateTime } from '../../../core/time';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/loading-state';
import { OfflineNotice } from '../../../components/offline-notice';
import { PageShell } from '../../../components/page-shell';
import { QrCode } from '../../../components/qr-code';
import { SignedIn } from '../../../components/signed-in';
import { useRemote } from '../../../hooks/use-remote';
import { checkinApi } from '../../../services/api';
import { NETWORK_ERROR, isApiError } from '../../../services/api-error';
import './index.scss';

/*
 * The last code fetched online is kept on the phone: a community room often has no signal, and
 * the code stays good for a week (PERSONAL_CODE_VALID_DAYS), so the attendee can still show it.
 */
const KEPT_CODE_KEY = 'ywk.checkin.my-code';

interface KeptCode extends PersonalCodeInfo {
  userId: number;
}

interface LoadedCode {
  personalCode: PersonalCodeInfo;
  /** Shown from the phone because the network failed. */
  kept: boolean;
}

function keptCode(userId: number): PersonalCodeInfo | null {
  try {
    const stored = Taro.getStorageSync(KEPT_CODE_KEY) as Partial<KeptCode> | '';
    if (typeof stored !== 'object' || stored === null || stored.userId !== userId) return null;
    if (typeof stored.code !== 'string' || typeof stored.expiresAt !== 'string') return null;
    // An expired code would only be refused at the door.
    if (Date.parse(stored.expiresAt) <= Date.now()) return null;
    return { code: stored.code, expiresAt: stored.expiresAt };
  } catch {
    return null;
  }
}

function keepCode(userId: number, personalCode: PersonalCodeInfo): void {
  try {
    Taro.setStorageSync(KEPT_CODE_KEY, { userId, code: personalCode.code, expiresAt: personalCode.expiresAt });
  } catch {
    // Only the offline fallback is lost; the code on screen is fine.
  }
}

async function loadPersonalCode(userId: number): Promise<LoadedCode> {
  try {
    const personalCode = await checkinApi.myCode();
    keepCode(userId, personalCode);
    return { personalCode, kept: false };
  } catch (error) {
    const kept = isApiError(error, NETWORK_ERROR) ? keptCode(userId) : null;
    if (kept) return { personalCode: kept, kept: true };
    throw error;
  }
}

function PersonalCode({ loaded, onRenew }: { loaded: LoadedCode; onRenew: () => void }) {
  const { personalCode } = loaded;
  return (
    <>
      {loaded.kept ? <OfflineNotice /> : null}
      <View className="ywk-personal-code">
        <View className="ywk-personal-code__hint">请把这个二维码给现场工作人员扫一下，就能签到</View>
        <QrCode className="ywk-personal-code__qr" text={personalCode.code} label="我的签到码二维码" />
        <View className="ywk-personal-code__text">
          <Text userSelect>{personalCode.code}</Text>
        </View>
        <View className="ywk-personal-code__expiry">有效期至 {formatDateTime(personalCode.expiresAt)}</View>
        <Button type="primary" size="large" block onClick={onRenew}>
          刷新签到码
        </Button>
      </View>
    </>
  );
}

function SignedInCode({ userId }: { userId: number }) {
  const [loaded, reload] = useRemote(() => loadPersonalCode(userId), userId);
  if (loaded.status === 'loading') return <LoadingState />;
  if (loaded.status === 'error') return <ErrorState error={loaded.error} onRetry={reload} />;
  return <PersonalCode loaded={loaded.data} onRenew={reload} />;
}

/** 我的签到码: the attendee's personal code as a QR, for an organiser to scan when they cannot scan the screen. */
export default function MyCheckinCodePage() {
  return (
    <PageShell>
      <SignedIn>{(session) => <SignedInCode userId={session.user.id} />}</SignedIn>
    </PageShell>
  );
}
