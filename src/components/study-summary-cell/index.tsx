import { View } from '@tarojs/components';
import { Cell } from '@nutui/nutui-react-taro';
import { useOnReturn } from '../../hooks/use-on-return';
import { useRemote } from '../../hooks/use-remote';
import { studyApi } from '../../services/api';
import { errorMessage } from '../../services/api-error';
import { openStudyRecord } from '../../services/navigation';
import { formatStudyTime } from '../study-totals/format';
import './index.scss';

/** Only the totals are needed here; they come with the first page of the record. */
const loadTotals = () => studyApi.record({ limit: 1 });

function openRecord() {
  openStudyRecord().catch(() => undefined);
}

/** 我的学习 in 我的: totals and 学习积分; opens the list of studied posts. */
export function StudySummaryCell() {
  const [record, reload] = useRemote(loadTotals);
  // Back from reading, the totals have likely grown.
  useOnReturn(reload);

  if (record.status === 'loading') {
    return <Cell title="我的学习" description="正在加载…" />;
  }
  if (record.status === 'error') {
    return (
      <Cell
        title="我的学习"
        description={`${errorMessage(record.error)}，点此重试`}
        clickable
        onClick={reload}
      />
    );
  }
  const totals = record.data;
  return (
    <Cell
      title="我的学习"
      description={`累计学习 ${formatStudyTime(totals.totalSeconds)} · 已学 ${totals.studiedCount} 篇`}
      extra={
        <View className="ywk-study-summary-points">
          <View>学习积分 {totals.totalPoints}</View>
          <View className="ywk-hint">
            今日 {totals.todayPoints}/{totals.dailyCap}
          </View>
        </View>
      }
      align="center"
      clickable
      onClick={openRecord}
    />
  );
}
