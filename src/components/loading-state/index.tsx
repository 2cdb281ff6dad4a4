import { View } from '@tarojs/components';
import { Loading } from '@nutui/nutui-react-taro';
import './index.scss';

export function LoadingState({ text = '正在加载…' }: { text?: string }) {
  return (
    <View className="ywk-loading-state">
      <Loading direction="vertical">{text}</Loading>
    </View>
  );
}
