import { useState } from 'react';
import { Cell, Picker } from '@nutui/nutui-react-taro';
import { LEDGER_FIRST_YEAR, LEDGER_LAST_YEAR, type LedgerQuery, type LedgerStats } from '../../../core/api/ledger';
import { inShanghai } from '../../../core/time';

export type LedgerChoice = LedgerStats['choices'][number];

/** The Picker's value for 全部: no unitId, every unit the staff member runs. */
const ALL_UNITS = 'all';

/** The 台账 year is a Shanghai calendar year, whatever zone the phone is in. */
export function currentLedgerYear(now: Date = new Date()): number {
  return Math.min(inShanghai(now).year(), LEDGER_LAST_YEAR);
}

/** This year first: it is the one staff look at most. */
function ledgerYears(): number[] {
  const years: number[] = [];
  for (let year = currentLedgerYear(); year >= LEDGER_FIRST_YEAR; year -= 1) years.push(year);
  return years;
}

function unitLabel(unitId: number | undefined, choices: readonly LedgerChoice[]): string {
  if (unitId === undefined) return '全部';
  return choices.find((choice) => choice.unitId === unitId)?.name ?? '全部';
}

interface LedgerFiltersProps {
  query: LedgerQuery;
  /** The units the staff member may narrow to; the choice is offered only when there are several. */
  choices: readonly LedgerChoice[];
  onChange: (query: LedgerQuery) => void;
}

export function LedgerFilters({ query, choices, onChange }: LedgerFiltersProps) {
  const [picking, setPicking] = useState<'year' | 'unit' | null>(null);
  const unitOptions = [
    { label: '全部', value: ALL_UNITS },
    ...choices.map((choice) => ({ label: choice.name, value: choice.unitId })),
  ];

  const pickUnit = (value: unknown) => {
    const { year } = query;
    onChange(typeof value === 'number' ? { year, unitId: value } : { year });
  };

  return (
    <>
      <Cell.Group className="ywk-section">
        <Cell title="年度" extra={`${query.year}年`} clickable onClick={() => setPicking('year')} />
        {choices.length > 1 ? (
          <Cell title="范围" extra={unitLabel(query.unitId, choices)} clickable onClick={() => setPicking('unit')} />
        ) : null}
      </Cell.Group>
      {/* Both wheels start at the current choice; without a value, 确定 untouched would pick nothing. */}
      <Picker
        visible={picking === 'year'}
        title="选择年度"
        options={[ledgerYears().map((year) => ({ label: `${year}年`, value: year }))]}
        value={[query.year]}
        onConfirm={(_options, values) => {
          if (typeof values[0] === 'number') onChange({ ...query, year: values[0] });
        }}
        onClose={() => setPicking(null)}
      />
      <Picker
        visible={picking === 'unit'}
        title="选择范围"
        options={[unitOptions]}
        value={[query.unitId ?? ALL_UNITS]}
        onConfirm={(_options, values) => {
          if (values.length > 0) pickUnit(values[0]);
        }}
        onClose={() => setPicking(null)}
      />
    </>
  );
}
