import { Text, View } from '@tarojs/components';
import { Toast } from '@nutui/nutui-react-taro';
import { Weixin } from '@nutui/icons-react-taro';
import { DemoAccountList } from '../../../components/demo-account-list';
import { EmptyState } from '../../../components/empty-state';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/loading-state';
import { PageShell } from '../../../components/page-shell';
import { PasswordLoginForm } from '../../../components/password-login-form';
import { useRemote } from '../../../hooks/use-remote';
import { authApi } from '../../../services/api';
import { openMineTab } from '../../../services/navigation';
import './index.scss';

const TOAST_ID = 'login-toast';

function goToMine() {
  openMineTab().catch(() => undefined);
}

export default function LoginPage() {
  const [options, reload] = useRemote(authApi.options);

  let content;
  if (options.status === 'loading') {
    content = <LoadingState />;
  } else if (options.status === 'error') {
    content = <ErrorState title="登录方式加载失败" error={options.error} onRetry={reload} />;
  } else {
    const { devLogin, passwordLogin, demoAccounts } = options.data;
    const showDemo = devLogin && demoAccounts.length > 0;
    content = (
      <>
        {showDemo ? <DemoAccountList accounts={demoAccounts} onSignedIn={goToMine} toastId={TOAST_ID} /> : null}
        {passwordLogin ? <PasswordLoginForm onSignedIn={goToMine} /> : null}
        {!showDemo && !passwordLogin ? (
          <EmptyState
            icon={<Weixin />}
            title="网页版暂不开放登录"
            description="请在微信中打开“云上微课堂”小程序，使用微信登录。"
          />
        ) : null}
      </>
    );
  }

  return (
    <PageShell>
      <View className="ywk-login-intro">
        <Text className="ywk-login-intro__title">云上微课堂</Text>
        <Text className="ywk-login-intro__subtitle">街道基层理论宣讲与学习平台</Text>
      </View>
      {content}
      <Toast id={TOAST_ID} />
    </PageShell>
  );
}
