import { Type, type Static } from '@sinclair/typebox';

/** 签到台账: a year's talks and check-ins of the units a staff member runs, and its export. */

const UnitId = Type.Integer({ minimum: 1, maximum: 2147483647 });
const Count = Type.Integer({ minimum: 0 });

/** A calendar year in Shanghai time; the street's records start with the app. */
export const LEDGER_FIRST_YEAR = 2020;
export const LEDGER_LAST_YEAR = 2100;

export const LedgerQuery = Type.Object(
  {
    year: Type.Integer({ minimum: LEDGER_FIRST_YEAR, maximum: LEDGER_LAST_YEAR }),
    /** One community (or the street itself); without it, every unit the caller runs. */
    unitId: Type.Optional(UnitId),
  },
  { additionalProperties: false },
);
export type LedgerQuery = Static<typeof LedgerQuery>;

export const LedgerUnit = Type.Object({
  unitId: UnitId,
  name: Type.String(),
  /** Talks held or scheduled in the year (cancelled ones are not in the 台账). */
  talks: Count,
  /** Check-ins to those talks, each person once per talk. */
  checkins: Count,
});
export type LedgerUnit = Static<typeof LedgerUnit>;

/** 百姓点单 over the year: what residents asked for, and how far each request got. */
export const LedgerDemand = Type.Object({
  /** Requests made in the year for these units. */
  requests: Count,
  /** Held, rated or not. */
  held: Count,
  /** Submitted, offered, accepted or scheduled: still on their way. */
  inProgress: Count,
  /** No speaker took it: waiting on a dispatcher. */
  unmatched: Count,
  cancelled: Count,
  /** The most asked-for topics, most first (up to five). */
  topTopics: Type.Array(Type.Object({ title: Type.String(), requests: Count })),
});
export type LedgerDemand = Static<typeof LedgerDemand>;

export const LedgerStats = Type.Object({
  year: Type.Integer(),
  /** 云溪街道 for the whole street, or the one community asked for. */
  scopeName: Type.String(),
  talks: Count,
  held: Count,
  checkins: Count,
  byHow: Type.Object({ scan: Count, personal_code: Count, manual: Count, offline: Count }),
  /** 评单 of the year's talks: how many, and their mean (null before any). */
  ratings: Type.Object({ count: Count, mean: Type.Union([Type.Number(), Type.Null()]) }),
  demand: LedgerDemand,
  /** Per unit, those with talks first; every unit in scope is listed. */
  units: Type.Array(LedgerUnit),
  /** The units the caller may narrow the 台账 to. */
  choices: Type.Array(Type.Object({ unitId: UnitId, name: Type.String() })),
});
export type LedgerStats = Static<typeof LedgerStats>;

/** A short-lived link to the workbook, so a download needs no request header (downloadFile, a browser link). */
export const LedgerExportLink = Type.Object({
  /** A path on the API server, ticket included. */
  path: Type.String(),
  fileName: Type.String(),
  expiresAt: Type.String({ format: 'date-time' }),
});
export type LedgerExportLink = Static<typeof LedgerExportLink>;

export const LedgerDownloadQuery = Type.Object(
  { ticket: Type.String({ minLength: 1, maxLength: 2048 }) },
  { additionalProperties: false },
);
export type LedgerDownloadQuery = Static<typeof LedgerDownloadQuery>;
