import type { LedgerDemand, LedgerStats } from '../../../src/core/api/ledger';
import { countByHow } from '../../../src/core/checkin';
import type { LedgerRecords } from './records';
import type { LedgerScope } from './scope';

/** The year at a glance: totals, how people checked in, and each unit's share. */
export function ledgerStats(year: number, scope: LedgerScope, records: LedgerRecords, demand: LedgerDemand): LedgerStats {
  const byHow = countByHow(records.checkins);

  const unitOfTalk = new Map(records.talks.map((talk) => [talk.id, talk.unitId]));
  const perUnit = new Map(scope.units.map((unit) => [unit.id, { unitId: unit.id, name: unit.name, talks: 0, checkins: 0 }]));
  for (const talk of records.talks) perUnit.get(talk.unitId)!.talks += 1;
  for (const checkin of records.checkins) perUnit.get(unitOfTalk.get(checkin.talkId)!)!.checkins += 1;
  // Units with talks first, busiest first; the rest keep the street's order.
  const units = [...perUnit.values()].sort((a, b) => Number(b.talks > 0) - Number(a.talks > 0) || b.checkins - a.checkins || b.talks - a.talks);

  const ratings = records.talks.reduce((sum, talk) => sum + talk.ratings, 0);
  const stars = records.talks.reduce((sum, talk) => sum + (talk.meanRating ?? 0) * talk.ratings, 0);

  return {
    year,
    scopeName: scope.name,
    talks: records.talks.length,
    held: records.talks.filter((talk) => talk.status === 'held').length,
    checkins: records.checkins.length,
    byHow,
    ratings: { count: ratings, mean: ratings === 0 ? null : Math.round((stars / ratings) * 10) / 10 },
    demand,
    units,
    choices: scope.choices.map((unit) => ({ unitId: unit.id, name: unit.name })),
  };
}
