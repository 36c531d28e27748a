import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { analysisSchema, type Analysis } from '../src/doc/schema.js';
import { PACKAGE_ROOT } from '../src/util/data-files.js';
import { allSpans } from '../src/test-support/docs.js';

const BIN = path.join(PACKAGE_ROOT, 'bin', 'newsgraph.js');
const EXAMPLE = path.join(PACKAGE_ROOT, 'examples', 'harbour-talks.txt');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function cli(args: string[], input?: string | Buffer): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', cwd: tmp, env: { ...process.env, NO_COLOR: '1', NEWSGRAPH_DB: '' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function expectOneLineError(r: { code: number; stderr: string }, pattern: RegExp): void {
  expect(r.code).not.toBe(0);
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
}

describe('newsgraph CLI', () => {
  it('prints its version and help for every command', () => {
    expect(cli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    for (const cmd of ['analyze', 'ingest', 'show', 'stats']) {
      const r = cli([cmd, '--help']);
      expect(r.code, cmd).toBe(0);
      expect(r.stdout).toContain(`Usage: newsgraph ${cmd}`);
    }
  });

  it('analyze prints a readable report with title, labelled boilerplate and body sentences', () => {
    const r = cli(['analyze', EXAMPLE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Title: Norway and Iceland agree to joint fisheries patrols');
    expect(r.stdout).toMatch(/related-link .*Also read \| Fishing quotas/);
    expect(r.stdout).toMatch(/syndication .*Source link/);
    expect(r.stdout).toMatch(/comment-form .*Leave a Reply/);
    expect(r.stdout).toContain('Officials who spoke on condition of anonymity said the crew had not been charged.');
  });

  it('analyze --format json gives offsets that slice back exactly and matches the schema', () => {
    const r = cli(['analyze', EXAMPLE, '--format', 'json']);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout) as Analysis;
    expect(analysisSchema.safeParse(a).success).toBe(true);
    expect(a.text).toBe(fs.readFileSync(EXAMPLE, 'utf8'));
    const spans = allSpans(a);
    expect(spans.length).toBeGreaterThan(100);
    for (const s of spans) expect(a.text.slice(s.start, s.end), s.path).toBe(s.text);
  });

  it('analyze --format jsonl keeps the input ids of a JSONL batch, and reads stdin', () => {
    const input = [
      JSON.stringify({ id: 'a-1', text: 'Ministers met.\n\nThey agreed on a plan.' }),
      JSON.stringify({ id: 'b-2', text: 'Rain fell.', title: 'Weather', url: 'https://example.test/w' }),
    ].join('\n');
    const file = path.join(tmp, 'batch.jsonl');
    fs.writeFileSync(file, input);
    const r = cli(['analyze', file, '--format', 'jsonl']);
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Analysis);
    expect(rows.map((x) => x.document.id)).toEqual(['a-1', 'b-2']);
    expect(rows[1]!.document.url).toBe('https://example.test/w');
    const piped = cli(['analyze', '-', '--format', 'json'], 'Piped headline\n\nA body sentence.');
    expect((JSON.parse(piped.stdout) as Analysis).layers.title?.text).toBe('Piped headline');
  });

  it('analyze reads HTML and legacy encodings', () => {
    const html = cli(['analyze', path.join(PACKAGE_ROOT, 'examples', 'port-strike.html'), '--format', 'json']);
    const a = JSON.parse(html.stdout) as Analysis;
    expect(a.document.format).toBe('html');
    expect(a.text).not.toContain('window.tracking');
    expect(a.layers.title?.text).toBe('Dockworkers strike shuts Valmora port');
    const legacy = path.join(tmp, 'legacy.txt');
    fs.writeFileSync(legacy, iconv.encode('Crisis talks\r\n\r\nThe minister said “no” to the café owners.\r\n', 'windows-1252'));
    const b = JSON.parse(cli(['analyze', legacy, '--format', 'json']).stdout) as Analysis;
    expect(b.document.encoding).toBe('windows-1252');
    expect(b.layers.sentences!.map((s) => s.text)).toEqual(['Crisis talks', 'The minister said “no” to the café owners.']);
  });

  it('bad input gives one clear line and a non-zero exit code', () => {
    expectOneLineError(cli(['analyze', 'missing.txt']), /^newsgraph: no such file or directory: missing.txt$/);
    fs.writeFileSync(path.join(tmp, 'empty.txt'), '');
    expectOneLineError(cli(['analyze', 'empty.txt']), /empty/);
    fs.writeFileSync(path.join(tmp, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]));
    expectOneLineError(cli(['analyze', 'image.txt']), /PNG image/);
    fs.mkdirSync(path.join(tmp, 'nothing'), { recursive: true });
    fs.writeFileSync(path.join(tmp, 'nothing', 'data.bin'), 'x');
    expectOneLineError(cli(['analyze', 'nothing']), /has no \.txt, \.html or \.jsonl files/);
    fs.writeFileSync(path.join(tmp, 'bad.jsonl'), '{"id": 1, "text": "ok"}\n{not json\n');
    expectOneLineError(cli(['analyze', 'bad.jsonl', '--format', 'jsonl']), /bad\.jsonl:2: not valid JSON/);
  });

  it('a bad JSONL line is skipped with one line naming file:line; the rest is read, and the exit code is 1', () => {
    const rec = (id: string, what: string) => JSON.stringify({ id, text: `${what} The minister said on Monday that talks would go on.` });
    fs.writeFileSync(path.join(tmp, 'mixed.jsonl'), [rec('x1', 'Harbour talks resume.'), '{not json', rec('x3', 'Rail strike ends.'), rec('x4', 'Bank raises rates.'), rec('x5', 'Storm hits coast.'), rec('x6', 'Ferry runs aground.')].join('\n'));
    const analysed = cli(['analyze', 'mixed.jsonl', '--format', 'jsonl']);
    expect(analysed.code).toBe(1);
    expect(analysed.stderr.trim()).toBe('newsgraph: mixed.jsonl:2: not valid JSON');
    expect(analysed.stdout.trim().split('\n').map((l) => (JSON.parse(l) as Analysis).document.id)).toEqual(['x1', 'x3', 'x4', 'x5', 'x6']);
    const ingested = cli(['ingest', 'mixed.jsonl', '--db', path.join(tmp, 'mixed.db')]);
    expect(ingested.code).toBe(1);
    expect(ingested.stderr).toContain('newsgraph: mixed.jsonl:2: not valid JSON\n');
    expect(ingested.stderr).toMatch(/6 documents in [\d.]+s: stored 5, already stored 0, failed 1/);
  });

  it('ingest stores documents once (idempotent by content hash); show and stats read them back', () => {
    const db = path.join(tmp, 'store.db');
    const first = cli(['ingest', EXAMPLE, path.join(PACKAGE_ROOT, 'examples'), '--db', db]);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/stored 2, already stored 1, failed 0/);
    const again = cli(['ingest', EXAMPLE, '--db', db]);
    expect(again.stderr).toMatch(/stored 0, already stored 1/);
    const stats = JSON.parse(cli(['stats', '--db', db, '--format', 'json']).stdout) as { documents: number; sentences: number };
    expect(stats.documents).toBe(2);
    expect(stats.sentences).toBeGreaterThan(10);
    const shown = cli(['show', 'harbour-talks', '--db', db, '--format', 'json']);
    expect(shown.code).toBe(0);
    const a = JSON.parse(shown.stdout) as Analysis;
    expect(a.text).toBe(fs.readFileSync(EXAMPLE, 'utf8'));
    const byKey = cli(['show', a.document.contentHash.slice(0, 10), '--db', db]);
    expect(byKey.stdout).toContain('Title: Norway and Iceland');
    expectOneLineError(cli(['show', 'nope', '--db', db]), /no stored document with id or key "nope"/);
  });

  it('a corrupt or foreign database gives one clear line and nothing is overwritten', () => {
    const junk = path.join(tmp, 'junk.db');
    fs.writeFileSync(junk, 'this is not a database at all, just some text that goes on for a while.'.repeat(50));
    const before = fs.readFileSync(junk);
    expectOneLineError(cli(['ingest', EXAMPLE, '--db', junk]), /not a newsgraph database or is corrupt/);
    expectOneLineError(cli(['stats', '--db', junk]), /not a newsgraph database or is corrupt/);
    expect(fs.readFileSync(junk).equals(before)).toBe(true);
    expectOneLineError(cli(['stats', '--db', path.join(tmp, 'absent.db')]), /no database at/);
  });

  it('takes actor dictionaries in PETRARCH format for users migrating from PETRARCH', () => {
    // Fictional countries, written for this test.
    fs.writeFileSync(path.join(tmp, 'actors.txt'), 'VELDORIA_ [VLD]\n+VELDORIAN_\nMARSKAYA_ [MSK]\n');
    fs.writeFileSync(path.join(tmp, 'agents.txt'), 'PRESIDENT [~GOV]\n');
    fs.writeFileSync(path.join(tmp, 'veldoria.txt'), 'Border row\n\nVeldoria condemned Marskaya on Monday after troops crossed the border.\n');
    const plain = JSON.parse(cli(['analyze', 'veldoria.txt', '--format', 'json']).stdout) as Analysis;
    expect(plain.layers.actors!.some((a) => a.code === 'VLD')).toBe(false);
    const r = cli(['analyze', 'veldoria.txt', '--format', 'json', '--petrarch-actors', 'actors.txt', '--petrarch-agents', 'agents.txt']);
    expect(r.code, r.stderr).toBe(0);
    const a = JSON.parse(r.stdout) as Analysis;
    expect(a.layers.actors!.map((x) => x.code)).toEqual(expect.arrayContaining(['VLD', 'MSK']));
    expect(a.layers.events!.some((e) => e.source.code === 'VLD' && e.target?.code === 'MSK')).toBe(true);
    expectOneLineError(cli(['analyze', 'veldoria.txt', '--petrarch-actors', 'nope.txt']), /no such PETRARCH dictionary: nope\.txt/);
    // The wrong file: a web page, or a program.
    fs.writeFileSync(path.join(tmp, 'page.html'), '<!doctype html><html><body><p>Not a dictionary.</p></body></html>\n');
    expectOneLineError(cli(['analyze', 'veldoria.txt', '--petrarch-actors', 'page.html']), /page\.html: no PETRARCH actor entries found/);
    fs.writeFileSync(path.join(tmp, 'program.tsv'), Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(500, 1)]));
    expectOneLineError(cli(['analyze', 'veldoria.txt', '--actors', 'program.tsv']), /program\.tsv looks like an ELF executable file, not an actor dictionary \(TSV\)$/);
    expectOneLineError(cli(['analyze', 'veldoria.txt', '--petrarch-agents', 'program.tsv']), /program\.tsv looks like an ELF executable file, not a PETRARCH agent dictionary$/);
  });

  it('usage errors exit 2', () => {
    expect(cli(['analyze', '--format', 'xml', EXAMPLE]).code).toBe(2);
    expect(cli(['frobnicate']).code).toBe(2);
    // One line, in the same form as every other error.
    for (const args of [['frobnicate'], ['analyze', '--bogus-flag', EXAMPLE]]) {
      const r = cli(args);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^newsgraph: unknown (command|option) .* \(see newsgraph --help\)\n$/);
    }
  });
});
