import { Tips } from '@nutui/icons-react-taro';
import { EmptyState } from '../../../components/empty-state';
import { ErrorState } from '../../../components/error-state';
import { isApiError } from '../../../services/api-error';

interface LoadFailureProps {
  error: unknown;
  onRetry: () => void;
}

/** A signed-in user who is not a registered speaker gets an explanation, not a 重试 that cannot help. */
export function SpeakerLoadFailure({ error, onRetry }: LoadFailureProps) {
  if (isApiError(error, 'not_a_speaker')) {
    return (
      <EmptyState
        icon={<Tips />}
        title="您还不是登记的宣讲员"
        description="宣讲员由街道登记。想参加宣讲，请联系街道宣传办。"
      />
    );
  }
  return <ErrorState error={error} onRetry={onRetry} />;
}
