import { NoticeBar } from '@nutui/nutui-react-taro';
import './index.scss';

/** Marks content read from the device because the network failed. */
export function OfflineNotice() {
  return <NoticeBar className="ywk-offline-notice" content="离线内容，联网后自动更新" scrollable={false} />;
}
