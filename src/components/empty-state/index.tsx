import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { Empty } from '@nutui/nutui-react-taro';
import './index.scss';

interface EmptyStateProps {
  /** A glyph from @nutui/icons-react-taro; NutUI's default picture would load from a third-party CDN. */
  icon: ReactNode;
  title: string;
  description?: string;
  children?: ReactNode;
}

export function EmptyState({ icon, title, description, children }: EmptyStateProps) {
  return (
    <Empty
      className="ywk-empty-state"
      image={<View className="ywk-empty-state__icon">{icon}</View>}
      title={title}
      description={description}
    >
      {children ? <View className="ywk-empty-state__actions">{children}</View> : null}
    </Empty>
  );
}
