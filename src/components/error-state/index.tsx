import { Button } from '@nutui/nutui-react-taro';
import { NetworkError } from '@nutui/icons-react-taro';
import { errorMessage } from '../../services/api-error';
import { EmptyState } from '../empty-state';

interface ErrorStateProps {
  error: unknown;
  onRetry: () => void;
  title?: string;
}

export function ErrorState({ error, onRetry, title = '加载失败' }: ErrorStateProps) {
  return (
    <EmptyState icon={<NetworkError />} title={title} description={errorMessage(error)}>
      <Button type="primary" onClick={onRetry}>
        重试
      </Button>
    </EmptyState>
  );
}
