import { Button } from '@nutui/nutui-react-taro';
import { User } from '@nutui/icons-react-taro';
import { EmptyState } from '../empty-state';

interface SignedOutPromptProps {
  onSignIn: () => void;
  /** Why the last sign-in attempt failed, if it did. */
  failure?: string;
}

export function SignedOutPrompt({ onSignIn, failure }: SignedOutPromptProps) {
  return (
    <EmptyState
      icon={<User />}
      title="您还没有登录"
      description={failure ?? '登录后可以点单、签到，查看自己的学习记录。'}
    >
      <Button type="primary" onClick={onSignIn}>
        登录
      </Button>
    </EmptyState>
  );
}
