import { View } from '@tarojs/components';
import { Skeleton } from '@nutui/nutui-react-taro';
import './index.scss';

/** Grey cards in the shape of the list that is loading, so the page does not jump when it arrives. */
export function ListSkeleton({ cards = 4 }: { cards?: number }) {
  return (
    <View className="ywk-list-skeleton" aria-label="正在加载">
      {Array.from({ length: cards }, (_, index) => (
        <View key={index} className="ywk-list-skeleton__card">
          <Skeleton rows={3} animated />
        </View>
      ))}
    </View>
  );
}
