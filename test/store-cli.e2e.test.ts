/**
 * The store from the command line, as a user meets it: query, search,
 * export and serve against a SQLite file and a PostgreSQL schema holding the
 * same documents, which must give the same answers.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureAnalysis } from '../src/store/fixtures.js';
import { PgStore } from '../src/store/postgres/pg-store.js';
import { dropTestSchemas, freshPgUrl, PG_AVAILABLE } from '../src/store/postgres/pg-test-support.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { contractFixtures } from '../src/store/store.contract.js';
import type { Store } from '../src/store/store.js';
import { PACKAGE_ROOT } from '../src/util/data-files.js';

const BIN = path.join(PACKAGE_ROOT, 'bin', 'newsgraph.js');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-store-cli-'));
const SQLITE = path.join(tmp, 'facts.db');
let PG = '';

afterAll(async () => {
  fs.rmSync(tmp, { recursive: true, force: true });
  await dropTestSchemas();
});

function cli(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: tmp, env: { ...process.env, NO_COLOR: '1', NEWSGRAPH_DB: '' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

async function fill(store: Store): Promise<void> {
  const { kim, aid, ukr } = contractFixtures();
  try {
    await store.putMany([kim, aid, ukr]);
  } finally {
    await store.close();
  }
}

beforeAll(async () => {
  await fill(SqliteStore.open(SQLITE));
  if (PG_AVAILABLE) {
    PG = freshPgUrl();
    await fill(await PgStore.open(PG));
  }
});

describe('newsgraph query, search, export', () => {
  it('has help for the new commands', () => {
    for (const cmd of [['query', 'events'], ['query', 'quotes'], ['query', 'actors'], ['query', 'stories'], ['search'], ['export'], ['serve']]) {
      const r = cli([...cmd, '--help']);
      expect(r.code, cmd.join(' ')).toBe(0);
      expect(r.stdout).toContain(`Usage: newsgraph ${cmd.join(' ')}`);
    }
  });

  it('query events --actor RUS --target PRK --format csv gives a spreadsheet-ready CSV', () => {
    const r = cli(['query', 'events', '--actor', 'RUS', '--target', 'PRK', '--format', 'csv', '--db', SQLITE]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]!.split(',').slice(0, 4)).toEqual(['id', 'date', 'source_code', 'source_name']);
    expect(lines).toHaveLength(3);
    for (const l of lines.slice(1)) expect(l).toMatch(/^\d+,2024-03-01,RUSGOV,/);
  });

  it('query quotes --speaker "Kim Jong Un" lists his statements with relay chains; a table on request', () => {
    const r = cli(['query', 'quotes', '--speaker', 'Kim Jong Un', '--format', 'jsonl', '--db', SQLITE]);
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { content: string; chain: { name: string }[] });
    expect(rows.map((q) => q.content).sort()).toEqual(['Russian officials sent aid to North Korea', 'the missiles were ready']);
    expect(rows.find((q) => q.content === 'the missiles were ready')!.chain.map((c) => c.name)).toEqual(['Kim Jong Un', 'KCNA', 'Yonhap']);
    const table = cli(['query', 'quotes', '--speaker', 'kim jong un', '--format', 'table', '--db', SQLITE]);
    expect(table.stdout.split('\n')[0]).toMatch(/^speaker\s+cue\s+content\s+relay chain/);
    expect(table.stdout).toContain('Kim Jong Un > KCNA > Yonhap');
  });

  it('search, actors and stories answer; bad filters fail in one line', () => {
    expect(JSON.parse(cli(['search', 'missiles', '--format', 'json', '--db', SQLITE]).stdout).map((h: { id: string }) => h.id)).toEqual(['kim-1']);
    expect(cli(['query', 'actors', '--country', 'UKR', '--format', 'csv', '--db', SQLITE]).stdout).toMatch(/^name,code,.*\nUkraine,UKR,UKR,country,/);
    expect(cli(['query', 'stories', '--format', 'json', '--db', SQLITE]).stdout.trim()).toBe('[]');
    // a date that is not one is a usage error (exit 2), also when it looks like one
    for (const [args, message] of [
      [['query', 'events', '--from', 'yesterday'], '--from must be a date (YYYY-MM-DD), got "yesterday"'],
      [['query', 'events', '--from', '2026-13-45'], '--from must be a date (YYYY-MM-DD), got "2026-13-45"'],
      [['query', 'events', '--records', '--to', '2024-02-30'], '--to must be a date (YYYY-MM-DD), got "2024-02-30"'],
      [['query', 'documents', '--from', '2026-99-99'], '--from must be a date (YYYY-MM-DD), got "2026-99-99"'],
      [['export', 'events', '--format', 'gdelt', '--from', '2026-13-45'], '--from must be a date (YYYY-MM-DD), got "2026-13-45"'],
    ] as const) {
      const bad = cli([...args, '--db', SQLITE]);
      expect(bad.code, args.join(' ')).toBe(2);
      expect(bad.stdout).toBe('');
      expect(bad.stderr.trim().split('\n')).toEqual([`newsgraph: ${message}`]);
    }
  });

  it('search gives every hit unless told a --limit (50 on a table), as its --help says', async () => {
    const db = path.join(tmp, 'many.db');
    const store = SqliteStore.open(db);
    await store.putMany(Array.from({ length: 60 }, (_, i) => fixtureAnalysis({ id: `harbour-${i}`, text: `Harbour talks, day ${i}.\nThe harbour talks went on for the ${i}th day.` })));
    await store.close();
    const lines = (args: string[]) => cli(['search', 'harbour', ...args, '--db', db]).stdout.trim().split('\n');
    expect(lines(['--format', 'jsonl'])).toHaveLength(60);
    expect(new Set(lines(['--format', 'jsonl']).map((l) => (JSON.parse(l) as { id: string }).id)).size).toBe(60);
    expect(lines(['--format', 'jsonl', '--limit', '25'])).toHaveLength(25);
    expect(lines(['--format', 'table'])).toHaveLength(52); // header, rule, 50 rows
  });

  it('export writes Parquet that DuckDB opens, and the GDELT layout', async () => {
    const out = path.join(tmp, 'events.parquet');
    const r = cli(['export', 'events', '-o', out, '--db', SQLITE]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/wrote 4 rows/);
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    const rows = (await conn.runAndReadAll(`SELECT source_code, code FROM read_parquet('${out}') WHERE target_code = 'PRK' ORDER BY id`)).getRowObjectsJS();
    conn.closeSync();
    db.closeSync();
    expect(rows).toEqual([{ source_code: 'RUSGOV', code: '0871' }, { source_code: 'RUSGOV', code: '0871' }]);
    const gdelt = cli(['export', 'events', '--format', 'gdelt', '--db', SQLITE]);
    const lines = gdelt.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    for (const l of lines) expect(l.split('\t')).toHaveLength(61);
    const all = path.join(tmp, 'all');
    expect(cli(['export', 'all', '--format', 'jsonl', '-o', all, '--db', SQLITE]).code).toBe(0);
    expect(fs.readdirSync(all).sort()).toEqual(['actors.jsonl', 'documents.jsonl', 'event-records.jsonl', 'events.jsonl', 'quotes.jsonl']);
  });

  it('export to an output it cannot write fails in one line naming the path, before reading the store', () => {
    const notADirectory = path.join(tmp, 'plain-file');
    fs.writeFileSync(notADirectory, 'x');
    for (const [args, message] of [
      [['export', 'events', '-o', path.join(tmp, 'no-such-dir', 'e.csv')], `cannot write ${path.join(tmp, 'no-such-dir', 'e.csv')}: no such directory`],
      [['export', 'events', '-f', 'gdelt', '-o', path.join(tmp, 'no-such-dir', 'e.tsv')], `cannot write ${path.join(tmp, 'no-such-dir', 'e.tsv')}: no such directory`],
      [['export', 'events', '-o', path.join(tmp, 'no-such-dir', 'e.parquet')], `cannot write ${path.join(tmp, 'no-such-dir', 'e.parquet')}: no such directory`],
      [['export', 'quotes', '-o', tmp], `cannot write ${tmp}: it is a directory`],
      [['export', 'all', '-o', notADirectory], `cannot write ${notADirectory}: it is a file, not a directory`],
    ] as const) {
      const r = cli([...args, '--db', SQLITE]);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr.trim().split('\n')).toEqual([`newsgraph: ${message}`]);
    }
    // A store that is not there is reported first, and no empty output file is left behind.
    const out = path.join(tmp, 'never.csv');
    const missing = cli(['export', 'events', '-o', out, '--db', path.join(tmp, 'missing.db')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^newsgraph: no database at /);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('refuses to export over the store\'s own database file, which stays whole', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'self-'));
    const db = path.join(dir, 'own.db');
    await fill(SqliteStore.open(db));
    fs.symlinkSync(db, path.join(dir, 'link.csv'));
    for (const [args, file] of [
      [['export', 'events', '-o', db], db],
      [['export', 'quotes', '-f', 'csv', '-o', path.join(dir, '..', path.basename(dir), 'own.db')], db],
      [['export', 'events', '-o', path.join(dir, 'link.csv')], db],
      [['export', 'events', '-f', 'parquet', '-o', db], db],
      [['export', 'events', '-f', 'jsonl', '-o', `${db}-wal`], `${db}-wal`],
    ] as const) {
      const r = cli([...args, '--db', db]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toEqual([`newsgraph: refusing to write ${args.at(-1)}: it is the store's database file ${file}, which the export would overwrite`]);
    }
    const stats = cli(['stats', '--db', db]);
    expect(stats.code, stats.stderr).toBe(0);
    expect(stats.stdout).toMatch(/documents\s+3\b/);
  });

  it.skipIf(!PG_AVAILABLE)('gives the same answers from PostgreSQL as from SQLite', () => {
    for (const args of [
      ['query', 'events', '--actor', 'RUS', '--target', 'PRK'],
      ['query', 'events', '--records'],
      ['query', 'quotes', '--speaker', 'Kim Jong Un'],
      ['query', 'actors'],
      ['search', 'North Korea'],
      ['export', 'events', '--format', 'gdelt'],
    ]) {
      const a = cli([...args, '--format', args[0] === 'export' ? 'gdelt' : 'json', '--db', SQLITE]);
      const b = cli([...args, '--format', args[0] === 'export' ? 'gdelt' : 'json', '--db', PG]);
      expect(a.code, a.stderr).toBe(0);
      expect(b.code, b.stderr).toBe(0);
      if (args[0] === 'search') {
        // Ranks differ between FTS5 and tsvector; the hits do not.
        const ids = (s: string) => (JSON.parse(s) as { id: string }[]).map((h) => h.id).sort();
        expect(ids(b.stdout), args.join(' ')).toEqual(ids(a.stdout));
      } else if (args[0] === 'export') {
        // GLOBALEVENTID is a record's id in its own store, DATEADDED when that store was filled; every other column agrees.
        const rows = (s: string) => s.trimEnd().split('\n').map((l) => l.split('\t').filter((_, i) => i !== 0 && i !== 59)).sort();
        expect(rows(b.stdout), args.join(' ')).toEqual(rows(a.stdout));
      } else {
        // Record ids are each store's own (PostgreSQL sequences skip numbers on upserts); the facts agree.
        const strip = (s: string) =>
          (JSON.parse(s) as Record<string, unknown>[])
            .map(({ firstSeen: _f, recordId: _r, ...rest }) => (args.includes('--records') ? { ...rest, id: 0 } : rest))
            .sort((x, y) => (JSON.stringify(x) < JSON.stringify(y) ? -1 : 1));
        expect(strip(b.stdout), args.join(' ')).toEqual(strip(a.stdout));
      }
    }
  });
});

describe('newsgraph serve', () => {
  it('answers with the same rows as the CLI, as JSON, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--db', SQLITE], { cwd: tmp, env: { ...process.env, NEWSGRAPH_TOKEN: '' } });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let err = '';
        child.stderr.on('data', (d: Buffer) => {
          err += d.toString();
          const m = /listening on (http:\/\/\S+)/.exec(err);
          if (m) resolve(m[1]!);
        });
        child.once('exit', () => reject(new Error(`serve exited: ${err}`)));
      });
      const res = await fetch(`${url}/api/events?actor=RUS&target=PRK`);
      expect(res.status).toBe(200);
      const api = (await res.json()) as { items: unknown[] };
      const fromCli = JSON.parse(cli(['query', 'events', '--actor', 'RUS', '--target', 'PRK', '--format', 'json', '--db', SQLITE]).stdout);
      expect(api.items).toEqual(fromCli);
      expect(((await (await fetch(`${url}/openapi.json`)).json()) as { openapi: string }).openapi).toMatch(/^3\./);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    expect(child.exitCode === 0 || child.signalCode === 'SIGTERM').toBe(true);
  });

  it.skipIf(!PG_AVAILABLE)('never prints the PostgreSQL password, and names the schema (serve, show)', async () => {
    const url = new URL(PG);
    url.password = 'hunter2-secret';
    const schema = url.searchParams.get('schema');
    const masked = new URL(url);
    masked.password = '***';
    const show = cli(['show', 'no-such-document', '--db', url.toString()]);
    expect(show.code).toBe(1);
    expect(show.stderr.trim()).toBe(`newsgraph: no stored document with id or key "no-such-document" in ${masked.toString()}`);
    expect(show.stderr).toContain(`schema=${schema}`);
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--db', url.toString()], { cwd: tmp, env: { ...process.env, NEWSGRAPH_TOKEN: '' } });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let err = '';
        child.stderr.on('data', (d: Buffer) => {
          err += d.toString();
          if (err.includes('\n')) resolve(err);
        });
        child.once('exit', () => reject(new Error(`serve exited: ${err}`)));
      });
      expect(line).toMatch(/^newsgraph: listening on http:\/\/127\.0\.0\.1:\d+ \(store /);
      expect(line).toContain(masked.toString());
      expect(line).not.toContain('hunter2');
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  });

  it('refuses to listen beyond loopback without a token', () => {
    const r = spawnSync(process.execPath, [BIN, 'serve', '--host', '0.0.0.0', '--port', '0', '--db', SQLITE], { encoding: 'utf8', env: { ...process.env, NEWSGRAPH_TOKEN: '' }, timeout: 20_000 });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(/^newsgraph: refusing to listen on 0\.0\.0\.0 without a token/);
  });
});
