import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { connectDatabase } from '../server/db/connect';
import { migrateToLatest } from '../server/db/migrations';
import { insertAttendees, insertTalk } from '../tests/support/checkin';
import { createTokenService } from '../server/services/auth/tokens';

async function main() {
  const handle = await connectDatabase({ url: 'sqlite:/tmp/micro/app.db' });
  const db = handle.db;
  await migrateToLatest(db as never, 'sqlite');
  const now = new Date();
  const street = await db.insertInto('units').values({ kind: 'street', name: '街', parent_id: null, code: 's', created_at: now.toISOString() } as never).returning('id').executeTakeFirstOrThrow();
  const tokens = createTokenService('x'.repeat(40), 3600, () => new Date());
  const [speaker] = await insertAttendees(db, tokens, now, 1, 's');
  const people = await insertAttendees(db, tokens, now, 20000, 'p');
  const talk = await insertTalk(db, street.id, speaker.userId, now);
  const talk2 = await insertTalk(db, street.id, speaker.userId, now);
  const raw = (db as any).getExecutor().adapter; void raw;
  const SQLite = require('better-sqlite3');
  const s = new SQLite('/tmp/micro/app.db');
  s.pragma('journal_mode = WAL'); s.pragma('synchronous = NORMAL');
  const plain = s.prepare(`insert into checkins (talk_id,user_id,method,offline,scanned_at,nonce,recorded_by,created_at) values (?,?,?,?,?,?,?,?) on conflict do nothing returning *`);
  const guarded = s.prepare(`insert into checkins (talk_id,user_id,method,offline,scanned_at,nonce,recorded_by,created_at) select ?,?,?,?,?,?,?,? where not exists (select id from checkin_refusals where attempted_by = ? and nonce = ?) on conflict do nothing returning *`);
  const at = now.toISOString();
  const run = (label: string, fn: (i: number) => void, from: number, n: number) => {
    const t = performance.now();
    for (let i = from; i < from + n; i++) fn(i);
    console.log(label, ((performance.now() - t) * 1000 / n).toFixed(1), 'µs');
  };
  run('plain', (i) => plain.all(talk.talkId, people[i].userId, 'scan', 0, at, `n${i}`, null, at), 0, 5000);
  run('guarded', (i) => guarded.all(talk2.talkId, people[i].userId, 'scan', 0, at, `g${i}`, null, at, people[i].userId, `g${i}`), 0, 5000);
  const batch = s.transaction((from: number) => { for (let i = from; i < from + 50; i++) guarded.all(talk2.talkId, people[i].userId, 'scan', 0, at, `g${i}`, null, at, people[i].userId, `g${i}`); });
  const t = performance.now();
  for (let b = 5000; b < 10000; b += 50) batch(b);
  console.log('guarded, 50 per transaction', ((performance.now() - t) * 1000 / 5000).toFixed(1), 'µs');
  run('plain again', (i) => plain.all(talk.talkId, people[i].userId, 'scan', 0, at, `n${i}`, null, at), 10000, 5000);
  run('kysely precompiled path (no http)', () => {}, 0, 1);
  await handle.close();
}
main();
