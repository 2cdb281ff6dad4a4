import { useState } from 'react';
import { Cell, Loading, Toast } from '@nutui/nutui-react-taro';
import type { DemoAccount } from '../../core/api/auth';
import { errorMessage } from '../../services/api-error';
import { signInAsDemo } from '../../services/auth';

interface DemoAccountListProps {
  accounts: DemoAccount[];
  onSignedIn: () => void;
  /** The page's <Toast id> that reports a failed sign-in. */
  toastId: string;
}

/** 演示账号: one tap signs in as a seeded identity. Only offered when the server enables it. */
export function DemoAccountList({ accounts, onSignedIn, toastId }: DemoAccountListProps) {
  const [pending, setPending] = useState<DemoAccount | null>(null);

  async function pick(account: DemoAccount) {
    if (pending) return;
    setPending(account);
    try {
      await signInAsDemo(account);
      onSignedIn();
    } catch (error) {
      Toast.show(toastId, { content: errorMessage(error), icon: 'fail' });
    } finally {
      setPending(null);
    }
  }

  return (
    <Cell.Group title="演示账号" description="供演示和测试使用，点一下即可登录" className="ywk-section">
      {accounts.map((account) => (
        <Cell
          key={`${account.role}-${account.name}`}
          title={account.label}
          extra={pending === account ? <Loading /> : '登录'}
          clickable
          align="center"
          onClick={() => pick(account)}
        />
      ))}
    </Cell.Group>
  );
}
