import { View } from '@tarojs/components';
import { Cell } from '@nutui/nutui-react-taro';
import type { LedgerStats } from '../../../core/api/ledger';
import { CHECKIN_HOWS, CHECKIN_HOW_LABELS } from '../../../core/checkin/how';

export function LedgerTotals({ stats }: { stats: LedgerStats }) {
  return (
    <View className="ywk-ledger-totals">
      <View className="ywk-ledger-totals__scope">{`${stats.scopeName} · ${stats.year}年`}</View>
      <View className="ywk-ledger-totals__talks">{`宣讲 ${stats.talks} 场（已举办 ${stats.held} 场）`}</View>
      <View className="ywk-ledger-totals__checkins">{`签到 ${stats.checkins} 人次`}</View>
      <View className="ywk-ledger-totals__ways">
        {CHECKIN_HOWS.map((how) => (
          <View key={how} className="ywk-ledger-way">
            <View className="ywk-ledger-way__count">{stats.byHow[how]}</View>
            <View className="ywk-ledger-way__label">{CHECKIN_HOW_LABELS[how]}</View>
          </View>
        ))}
      </View>
    </View>
  );
}

/** 百姓点单 and 评单 over the year: what residents asked for, how far it got, what they thought. */
export function LedgerDemandCard({ stats }: { stats: LedgerStats }) {
  const { demand, ratings } = stats;
  return (
    <Cell.Group className="ywk-section ywk-ledger-demand" title="点单与评单">
      <Cell
        title={`点单 ${demand.requests} 单`}
        description={`已举办 ${demand.held} · 进行中 ${demand.inProgress} · 未匹配 ${demand.unmatched} · 已取消 ${demand.cancelled}`}
      />
      <Cell title="评单" extra={ratings.mean === null ? '暂无评价' : `${ratings.count} 条，平均 ${ratings.mean.toFixed(1)} 分`} />
      {demand.topTopics.length > 0 ? (
        <Cell title="点得最多的主题" description={demand.topTopics.map((topic) => `${topic.title}（${topic.requests} 单）`).join('、')} />
      ) : null}
    </Cell.Group>
  );
}

export function UnitList({ units }: { units: LedgerStats['units'] }) {
  return (
    <Cell.Group className="ywk-section ywk-ledger-units" title="分单位统计">
      {units.map((unit) => (
        <Cell key={unit.unitId} title={unit.name} extra={`${unit.talks} 场 · 签到 ${unit.checkins} 人次`} />
      ))}
    </Cell.Group>
  );
}
