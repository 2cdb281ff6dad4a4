import { Cell, Switch, Toast } from '@nutui/nutui-react-taro';
import { meApi } from '../../services/api';
import { errorMessage } from '../../services/api-error';
import { saveUser } from '../../services/session';
import './index.scss';

interface ElderModeCellProps {
  enabled: boolean;
  /** The page's <Toast id> that reports the outcome. */
  toastId: string;
}

/** 长辈模式 is saved on the account, so it follows the user to another phone. */
export function ElderModeCell({ enabled, toastId }: ElderModeCellProps) {
  // The Switch shows its own spinner and ignores taps until this settles.
  async function change(elderMode: boolean) {
    try {
      saveUser(await meApi.update({ elderMode }));
      Toast.show(toastId, { content: elderMode ? '已开启长辈模式' : '已关闭长辈模式' });
    } catch (error) {
      Toast.show(toastId, { content: errorMessage(error), icon: 'fail' });
    }
  }

  return (
    <Cell
      className="ywk-elder-mode-cell"
      title="长辈模式"
      description="字号更大，颜色对比更强"
      align="center"
      extra={<Switch checked={enabled} onChange={change} ariaLabel="长辈模式" />}
    />
  );
}
