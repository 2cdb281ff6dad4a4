import { View } from '@tarojs/components';
import { Cell } from '@nutui/nutui-react-taro';
import type { LedgerStats } from '../../../core/api/ledger';
import { CHECKIN_HOW_LABELS, type CheckinHow } from '../../../core/checkin/how';

/** Apart: an offline upload is counted there, not under the code it scanned. */
const CHECKIN_WAYS: readonly CheckinHow[] = ['scan', 'personal_code', 'manual', 'offline'];

export function LedgerTotals({ stats }: { stats: LedgerStats }) {
  return (
    <View className="ywk-ledger-totals">
      <View className="ywk-ledger-totals__scope">{`${stats.scopeName} · ${stats.year}年`}</View>
      <View className="ywk-ledger-totals__talks">{`宣讲 ${stats.talks} 场（已举办 ${stats.held} 场）`}</View>
      <View className="ywk-ledger-totals__checkins">{`签到 ${stats.checkins} 人次`}</View>
      <View className="ywk-ledger-totals__ways">
        {CHECKIN_WAYS.map((how) => (
          <View key={how} className="ywk-ledger-way">
            <View className="ywk-ledger-way__count">{stats.byHow[how]}</View>
            <View className="ywk-ledger-way__label">{CHECKIN_HOW_LABELS[how]}</View>
          </View>
        ))}
      </View>
    </View>
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
