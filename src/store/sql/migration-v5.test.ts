/**
 * The version-5 repair: attributions written before their keys held the
 * names the article gives their speaker's and relays' actors get today's
 * keys. A store is filled as the code before version 5 wrote it and set back
 * to schema version 4; opened with today's code, it must find a quote by its
 * relay's alias and hold exactly the attribution rows that today's code
 * writes, with nothing but the key columns changed. A failure part-way leaves
 * it as it was.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../doc/schema.js';
import { aliasFixture, fixtureAnalysis } from '../fixtures.js';
import { nameKey } from '../names.js';
import { dropTestSchemas, freshPgUrl, PG_AVAILABLE } from '../postgres/pg-test-support.js';
import { toRows, type DocumentRows } from '../rows.js';
import { contractFixtures } from '../store.contract.js';
import type { Store } from '../store.js';
import { QUOTE_KEYS_CHUNK } from './migration-v5.js';
import { backToVersion, rawPgStore, rawSqliteStore, withoutSpanOffsets, type Raw, type RawStore } from './raw-store-support.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-v5-'));
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await dropTestSchemas();
});

const AT = '2026-01-05T10:00:00.000Z';

/** The chain names the agency in full; the article calls it KCNA. */
const alias = aliasFixture();

/** Enough documents for several chunks; the alias document comes in the last one, and one document has no quotes. */
function documents(): Analysis[] {
  const { kim, aid, ukr } = contractFixtures();
  const filler = Array.from({ length: 2 * QUOTE_KEYS_CHUNK + 3 }, (_, i) => fixtureAnalysis({
    id: `filler-${i}`, text: `Report ${i}. Ivanov arrived. The minister said all was calm.`,
    actors: [{ id: 'a1', name: 'Sergei Ivanov', code: 'RUSGOV', mentions: ['Ivanov'] }],
    quotes: [{ content: 'all was calm', speaker: 'The minister', speakerActor: 'a1', cue: { text: 'said', lemma: 'say' }, chain: [{ name: 'Sergei Ivanov', kind: 'speaker', actorId: 'a1' }] }],
  }));
  const quiet = fixtureAnalysis({ id: 'quiet-1', text: 'Nothing was said.' });
  return [kim, aid, ...filler, quiet, ukr, alias];
}

/** The rows the code before version 5 wrote: keys from canonical names and the chain only. */
function oldRows(a: Analysis, ingestedAt: string): DocumentRows {
  const rows = toRows(a, ingestedAt);
  const actors = new Map((a.layers.actors ?? []).map((x) => [x.id, x]));
  const actorName = (id: string | null) => (id ? actors.get(id)?.name : undefined);
  rows.quotes = rows.quotes.map((q, i) => {
    const src = a.layers.attributions![i]!;
    const relayNames = src.chain.filter((r) => r.kind !== 'speaker').flatMap((r) => [r.name, actorName(r.actorId)]);
    return { ...q, speakerKey: nameKey(actorName(src.speakerActorId), src.speaker?.text ?? null), relayKey: nameKey(...relayNames, src.medium?.text) };
  });
  return rows;
}

const attributions = (raw: RawStore) => raw.rows('SELECT * FROM attributions ORDER BY id');
const version = async (raw: RawStore) => Number((await raw.rows('SELECT max(version) AS v FROM schema_migrations'))[0]!.v);

const contents = async (store: Store, filter: { relay?: string; speaker?: string }) =>
  (await store.quotes(filter, { limit: 10 })).items.map((q) => q.content);
const withoutKeys = (rows: Raw[]) => rows.map(({ speaker_key: _s, cue_key: _c, relay_key: _r, ...rest }) => rest);

async function check(open: () => Promise<RawStore>) {
  const old = await open();
  const today = await open();
  try {
    await old.write(documents().map((a) => oldRows(a, AT)));
    await today.write(documents().map((a) => toRows(a, AT)));
    // The old keys: the alias finds only the contract fixture whose chain names KCNA itself.
    expect(await contents(old.store, { relay: 'KCNA' })).toEqual(['the missiles were ready']);
    expect(await contents(old.store, { speaker: 'KCNA' })).toEqual([]);
    // Back to version 4, as that code left it (without the columns of version 6, which then runs too).
    await backToVersion(old, 4);
    const before = await attributions(old);
    const expected = await attributions(today);
    expect(before).not.toEqual(withoutSpanOffsets(expected));

    // Every chunk has quotes whose keys change.
    expect(before.filter((r, i) => r.speaker_key !== expected[i]!.speaker_key).length).toBeGreaterThan(2 * QUOTE_KEYS_CHUNK);
    // A document that cannot be read, last of all, stops the migration after earlier chunks were updated.
    await old.exec(`UPDATE documents SET analysis = '{' WHERE key = '${alias.document.contentHash}'`);
    await expect(old.reopen()).rejects.toThrow(/not JSON/);
    expect(await version(old)).toBe(4);
    expect(await attributions(old)).toEqual(before);

    await old.exec(`UPDATE documents SET analysis = '${JSON.stringify({ ...alias, text: undefined }).replaceAll("'", "''")}' WHERE key = '${alias.document.contentHash}'`);
    const migrated = await old.reopen();
    expect((await contents(migrated, { relay: 'KCNA' })).sort()).toEqual(['Putin wrote to Kim', 'the missiles were ready']);
    expect(await contents(migrated, { relay: 'Korean Central News Agency' })).toEqual(['Putin wrote to Kim']);
    expect(await contents(migrated, { speaker: 'KCNA' })).toEqual(['KCNA had the letter']);
    expect((await migrated.stats()).schemaVersion).toBe(6);
    const after = await attributions(old);
    // The same rows (ids included) with only their keys changed (and version 6's columns added), and the keys today's writer gives.
    expect(withoutKeys(withoutSpanOffsets(after))).toEqual(withoutKeys(before));
    expect(after).toEqual(expected);
  } finally {
    await old.close();
    await today.close();
  }
}

describe('version 5: quote keys with the names the article gives', () => {
  it('recomputes the keys of every stored attribution on SQLite', async () => {
    let n = 0;
    await check(async () => rawSqliteStore(path.join(dir, `v5-${n++}.db`)));
  });

  it.skipIf(!PG_AVAILABLE)('recomputes the keys of every stored attribution on PostgreSQL', async () => {
    await check(async () => rawPgStore(freshPgUrl()));
  });
});
