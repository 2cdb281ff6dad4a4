import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Row {
  [column: string]: string | number;
}

export interface Report {
  scenario: string;
  title: string;
  goal: string;
  rows: Row[];
  notes: string[];
}

function table(rows: Row[]): string[] {
  const columns = Object.keys(rows[0] ?? {});
  return [
    `| ${columns.join(' | ')} |`,
    `| ${columns.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${columns.map((column) => String(row[column])).join(' | ')} |`),
  ];
}

/** Prints the table and writes it as markdown to bench/<scenario>.md with the machine it ran on. */
export function writeReport(report: Report, dir = path.resolve(__dirname, '../../bench')): string {
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const lines = [
    `# ${report.title}`,
    '',
    `Measured ${new Date().toISOString()} on ${machine}.`,
    '',
    `Goal: ${report.goal}`,
    '',
    ...table(report.rows),
    '',
    ...report.notes.map((note) => `- ${note}`),
    '',
  ];
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${report.scenario}.md`);
  fs.writeFileSync(file, lines.join('\n'));
  console.log(`\n${lines.join('\n')}`);
  return file;
}
