import { Cell } from '@nutui/nutui-react-taro';
import { openDispatchQueue } from '../../services/dispatch-navigation';

function openQueue() {
  openDispatchQueue().catch(() => undefined);
}

/** The way into 派单 for dispatchers (see isDispatcher); residents never see it. */
export function DispatchEntryCell() {
  return <Cell title="派单台" description="查看居民点单，安排宣讲员" clickable onClick={openQueue} />;
}
