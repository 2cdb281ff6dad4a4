import ExcelJS from 'exceljs';
import { CHECKIN_HOW_LABELS, countByHow } from '../../../src/core/checkin';
import { inShanghai } from '../../../src/core/time';
import { maskPhone } from '../users';
import type { LedgerCheckin, LedgerRecords, LedgerTalk } from './records';

const TALK_STATUS_LABELS: Record<LedgerTalk['status'], string> = { scheduled: '已安排', held: '已举办' };

interface Column {
  header: string;
  width: number;
}

/**
 * Appends a sheet laid out as a 台账 is kept on paper: a title across the top, then a header
 * row that stays in view while scrolling. Every value is written as text or a number, never a
 * formula, so a name typed as "=…" stays a name.
 */
function addSheet(workbook: ExcelJS.Workbook, name: string, title: string, columns: Column[], rows: (string | number | null)[][]) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = columns.map((column) => ({ width: column.width }));
  sheet.mergeCells(1, 1, 1, columns.length);
  const titleCell = sheet.getCell(1, 1);
  titleCell.value = title;
  titleCell.font = { bold: true, size: 14 };
  titleCell.alignment = { horizontal: 'center' };
  const header = sheet.getRow(2);
  header.values = columns.map((column) => column.header);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  for (const row of rows) sheet.addRow(row.map((value) => value ?? ''));
}

function talkTime(talk: LedgerTalk): string {
  return `${inShanghai(talk.startsAt).format('HH:mm')}–${inShanghai(talk.endsAt).format('HH:mm')}`;
}

function talkSummaryRows(records: LedgerRecords): (string | number | null)[][] {
  const byTalk = new Map<number, LedgerCheckin[]>();
  for (const checkin of records.checkins) {
    const people = byTalk.get(checkin.talkId) ?? [];
    people.push(checkin);
    byTalk.set(checkin.talkId, people);
  }
  return records.talks.map((talk, i) => {
    const how = countByHow(byTalk.get(talk.id) ?? []);
    const checkedIn = how.scan + how.personal_code + how.manual + how.offline;
    return [
      i + 1,
      inShanghai(talk.startsAt).format('YYYY-MM-DD'),
      talkTime(talk),
      talk.unitName,
      talk.topic,
      talk.venue,
      talk.speaker,
      TALK_STATUS_LABELS[talk.status],
      talk.registered,
      checkedIn,
      how.scan,
      how.personal_code,
      how.manual,
      how.offline,
      talk.ratings,
      talk.meanRating === null ? null : Math.round(talk.meanRating * 10) / 10,
    ];
  });
}

function checkinRows(records: LedgerRecords): (string | number | null)[][] {
  const talks = new Map(records.talks.map((talk) => [talk.id, talk]));
  return records.checkins.map((checkin, i) => {
    const talk = talks.get(checkin.talkId)!;
    return [
      i + 1,
      inShanghai(talk.startsAt).format('YYYY-MM-DD'),
      talk.unitName,
      talk.topic,
      talk.venue,
      talk.speaker,
      checkin.name,
      maskPhone(checkin.phone),
      inShanghai(checkin.checkedInAt).format('YYYY-MM-DD HH:mm'),
      CHECKIN_HOW_LABELS[checkin.how],
      checkin.recordedBy,
    ];
  });
}

/** The year's 台账 as an .xlsx: one sheet of talks with their counts, one of every check-in. */
export async function ledgerWorkbook(scopeName: string, year: number, records: LedgerRecords, now: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '云上微课堂';
  workbook.created = now;
  const title = `${scopeName}${year}年宣讲签到台账`;
  addSheet(
    workbook,
    '场次汇总',
    title,
    [
      { header: '序号', width: 6 },
      { header: '日期', width: 12 },
      { header: '时间', width: 13 },
      { header: '社区', width: 14 },
      { header: '宣讲主题', width: 28 },
      { header: '场地', width: 20 },
      { header: '宣讲员', width: 10 },
      { header: '状态', width: 8 },
      { header: '报名人数', width: 9 },
      { header: '签到人数', width: 9 },
      { header: '扫码', width: 7 },
      { header: '个人签到码', width: 11 },
      { header: '代签到', width: 8 },
      { header: '离线补传', width: 9 },
      { header: '评价人数', width: 9 },
      { header: '平均评分', width: 9 },
    ],
    talkSummaryRows(records),
  );
  addSheet(
    workbook,
    '签到明细',
    title,
    [
      { header: '序号', width: 7 },
      { header: '日期', width: 12 },
      { header: '社区', width: 14 },
      { header: '宣讲主题', width: 28 },
      { header: '场地', width: 20 },
      { header: '宣讲员', width: 10 },
      { header: '姓名', width: 10 },
      { header: '手机号', width: 14 },
      { header: '签到时间', width: 17 },
      { header: '签到方式', width: 11 },
      { header: '登记人', width: 10 },
    ],
    checkinRows(records),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
