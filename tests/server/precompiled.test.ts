import { precompiled } from '../../server/db/precompiled';
import { describeEachEngine } from '../support/app';

describeEachEngine('precompiled queries', (ctx) => {
  const unitsNamed = precompiled<{ kind: 'street' | 'community'; name: string }, { name: string }>((db, slot) =>
    db
      .selectFrom('units')
      .select('name')
      .where('kind', '=', slot('kind'))
      .where((eb) => eb.or([eb('name', '=', slot('name')), eb('code', '=', 'no-such-code')]))
      .orderBy('id'),
  );

  beforeAll(async () => {
    const street = await ctx().app.streetId();
    const at = ctx().clock.now().toISOString();
    await ctx()
      .app.db.insertInto('units')
      .values(['甲', '乙'].map((name) => ({ kind: 'community' as const, name: `预编译${name}社区`, parent_id: street, code: `precompiled-${name}`, created_at: at })))
      .execute();
  });

  it('runs one compiled statement with each call’s own values', async () => {
    const first = await unitsNamed(ctx().app.db, { kind: 'community', name: '预编译甲社区' });
    const second = await unitsNamed(ctx().app.db, { kind: 'community', name: '预编译乙社区' });
    const neither = await unitsNamed(ctx().app.db, { kind: 'street', name: '预编译甲社区' });
    expect(first.rows).toEqual([{ name: '预编译甲社区' }]);
    expect(second.rows).toEqual([{ name: '预编译乙社区' }]);
    expect(neither.rows).toEqual([]);
  });

  it('keeps values written into the query, and takes a slot used twice from one value', async () => {
    const named = precompiled<{ name: string }, { name: string }>((db, slot) =>
      db
        .selectFrom('units')
        .select('name')
        .where('kind', '=', 'community')
        .where((eb) => eb.or([eb('name', '=', slot('name')), eb('code', '=', slot('name'))])),
    );
    expect((await named(ctx().app.db, { name: 'precompiled-乙' })).rows).toEqual([{ name: '预编译乙社区' }]);
  });

  it('refuses, when first run, a query where a slot is not a bound parameter', async () => {
    const lost = precompiled<{ name: string }, { name: string }>((db, slot) => {
      slot('name'); // asked for, never put in the query
      return db.selectFrom('units').select('name');
    });
    await expect(lost(ctx().app.db, { name: '甲' })).rejects.toThrow('slot "name" is not a bound parameter');
  });
});
