import { Text, View } from '@tarojs/components';
import type { StudyRecord } from '../../core/api/posts';
import { formatStudyTime } from './format';
import './index.scss';

type Totals = Pick<StudyRecord, 'totalSeconds' | 'studiedCount' | 'totalPoints' | 'todayPoints' | 'dailyCap'>;

/** 我的学习 at a glance: time studied, posts studied, 学习积分 and today's share of the daily cap. */
export function StudyTotals({ totals }: { totals: Totals }) {
  return (
    <View className="ywk-study-totals">
      <View className="ywk-study-totals__item">
        <Text className="ywk-study-totals__value">{formatStudyTime(totals.totalSeconds)}</Text>
        <Text className="ywk-study-totals__label">累计学习</Text>
      </View>
      <View className="ywk-study-totals__item">
        <Text className="ywk-study-totals__value">{totals.studiedCount} 篇</Text>
        <Text className="ywk-study-totals__label">已学文章</Text>
      </View>
      <View className="ywk-study-totals__item">
        <Text className="ywk-study-totals__value">{totals.totalPoints}</Text>
        <Text className="ywk-study-totals__label">
          学习积分（今日 {totals.todayPoints}/{totals.dailyCap}）
        </Text>
      </View>
    </View>
  );
}
