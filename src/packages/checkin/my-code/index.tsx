import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { PersonalCodeInfo } from '../../../core/api/checkin';
import { formatDateTime } from '../../../core/time';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/loading-state';
import { PageShell } from '../../../components/page-shell';
import { SignedOutPrompt } from '../../../components/signed-out-prompt';
import { useAccountSignIn } from '../../../hooks/use-account-sign-in';
import { useRemote } from '../../../hooks/use-remote';
import { useSession } from '../../../hooks/use-session';
import { checkinApi } from '../../../services/api';
import './index.scss';

function PersonalCode({ personalCode, onRenew }: { personalCode: PersonalCodeInfo; onRenew: () => void }) {
  return (
    <View className="ywk-personal-code">
      <View className="ywk-personal-code__hint">没有扫码的手机时，请把这个签到码给现场工作人员核对</View>
      <View className="ywk-personal-code__text">
        <Text userSelect>{personalCode.code}</Text>
      </View>
      <View className="ywk-personal-code__expiry">有效期至 {formatDateTime(personalCode.expiresAt)}</View>
      <Button type="primary" size="large" block onClick={onRenew}>
        刷新签到码
      </Button>
    </View>
  );
}

function SignedInCode({ userId }: { userId: number }) {
  const [personalCode, reload] = useRemote(checkinApi.myCode, userId);
  if (personalCode.status === 'loading') return <LoadingState />;
  if (personalCode.status === 'error') return <ErrorState error={personalCode.error} onRetry={reload} />;
  return <PersonalCode personalCode={personalCode.data} onRenew={reload} />;
}

/** 我的签到码: the attendee's personal code, for an organiser to check them in without a scan. */
export default function MyCheckinCodePage() {
  const session = useSession();
  const { signIn, signingIn, failure } = useAccountSignIn();

  let content;
  if (session) content = <SignedInCode userId={session.user.id} />;
  else if (signingIn) content = <LoadingState text="正在登录…" />;
  else content = <SignedOutPrompt onSignIn={signIn} failure={failure} />;
  return <PageShell>{content}</PageShell>;
}
