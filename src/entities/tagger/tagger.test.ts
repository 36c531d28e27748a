import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NewsgraphError } from '../../util/errors.js';
import { bioToMentions, loadNerModel, trainNer, type NerTagger } from './index.js';
import { loadNerModelData } from './model-io.js';

// Invented names and news-style templates: a tiny corpus the model must learn.
const PEOPLE = ['Ada Quill', 'Boris Fenwick', 'Mira Santos', 'Tomas Reyne', 'Lena Voss', 'Omar Dallin'];
const ORGS = ['Northwind Bank', 'Kestrel Motors', 'Harbour Council', 'Bluefield Group'];
const PLACES = ['Lyon', 'Port Arden', 'Valdora', 'Kessling'];
const TEMPLATES = [
  'PER said on Monday that ORG would open an office in LOC .',
  'ORG shares fell in LOC after PER resigned .',
  'In LOC , PER met officials from ORG .',
  'PER , who heads ORG , arrived in LOC on Friday .',
];

function sentence(template: string, per: string, org: string, loc: string): { tokens: string[]; tags: string[] } {
  const tokens: string[] = [];
  const tags: string[] = [];
  for (const slot of template.split(' ')) {
    const name = slot === 'PER' ? per : slot === 'ORG' ? org : slot === 'LOC' ? loc : null;
    if (!name) {
      tokens.push(slot);
      tags.push('O');
      continue;
    }
    name.split(' ').forEach((t, i) => {
      tokens.push(t);
      tags.push(`${i === 0 ? 'B' : 'I'}-${slot}`);
    });
  }
  return { tokens, tags };
}

function corpus(): string {
  const lines: string[] = [];
  let k = 0;
  for (let d = 0; d < 12; d++) {
    for (let s = 0; s < 4; s++, k++) {
      const rec = sentence(TEMPLATES[k % 4]!, PEOPLE[k % 6]!, ORGS[(k * 5) % 4]!, PLACES[(k * 7 + d) % 4]!);
      lines.push(JSON.stringify({ doc: `d${d}`, ...rec }));
    }
  }
  return lines.join('\n');
}

let dir = '';
let tagger: NerTagger;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ner-test-'));
  fs.writeFileSync(path.join(dir, 'train.jsonl'), corpus());
  await trainNer({ train: [path.join(dir, 'train.jsonl')], out: path.join(dir, 'model'), epochs: 5, folds: 3, listsDir: '', log: () => {} });
  tagger = loadNerModel(path.join(dir, 'model'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('NER tagger trained on a tiny invented corpus', () => {
  it('learns its training sentences', () => {
    const lines = fs.readFileSync(path.join(dir, 'train.jsonl'), 'utf8').split('\n').map((l) => JSON.parse(l));
    const tags = tagger.tag(lines.map((l) => l.tokens));
    let right = 0;
    let total = 0;
    lines.forEach((l, i) => l.tags.forEach((t: string, j: number) => ((total += 1), (right += tags[i]![j] === t ? 1 : 0))));
    expect(right / total).toBeGreaterThan(0.98);
  });

  it('finds known names in a new combination', () => {
    const s = sentence(TEMPLATES[0]!, 'Lena Voss', 'Kestrel Motors', 'Port Arden');
    const tags = tagger.tag([s.tokens])[0]!;
    expect(bioToMentions(s.tokens, tags)).toEqual(bioToMentions(s.tokens, s.tags));
  });

  it('gives one tag per token and an empty result for an empty document', () => {
    const doc = [['Nothing', 'here', '.'], ['Ada', 'Quill', 'spoke', '.']];
    const tags = tagger.tag(doc);
    expect(tags.map((t) => t.length)).toEqual([3, 4]);
    expect(tagger.tag([])).toEqual([]);
    expect(tagger.tag([[]])).toEqual([[]]);
  });

  it('rejects tokens that are not non-empty strings', () => {
    expect(() => tagger.tag([['ok', '']])).toThrow(NewsgraphError);
    expect(() => tagger.tag([['ok', 3 as unknown as string]])).toThrow(/non-empty strings/);
  });

  it('saves and loads the same model: same weights and same tags', () => {
    const a = loadNerModelData(path.join(dir, 'model'));
    const copy = path.join(dir, 'copy');
    fs.cpSync(path.join(dir, 'model'), copy, { recursive: true });
    const b = loadNerModelData(copy);
    expect(a.passes.length).toBe(2);
    expect([...b.passes[1]!.keys]).toEqual([...a.passes[1]!.keys]);
    expect([...b.passes[1]!.w]).toEqual([...a.passes[1]!.w]);
    const doc = [sentence(TEMPLATES[3]!, 'Omar Dallin', 'Harbour Council', 'Lyon').tokens];
    expect(loadNerModel(copy).tag(doc)).toEqual(tagger.tag(doc));
  });

  it('trains deterministically for a fixed seed', async () => {
    await trainNer({ train: [path.join(dir, 'train.jsonl')], out: path.join(dir, 'again'), epochs: 5, folds: 3, listsDir: '', log: () => {} });
    const a = loadNerModelData(path.join(dir, 'model'));
    const b = loadNerModelData(path.join(dir, 'again'));
    expect([...b.passes[0]!.w]).toEqual([...a.passes[0]!.w]);
    expect([...b.lexicon.data.spanKeys]).toEqual([...a.lexicon.data.spanKeys]);
  });

  it('trains from CoNLL files with a dev set, reporting dev F1 for every epoch of both passes', async () => {
    const lines = fs.readFileSync(path.join(dir, 'train.jsonl'), 'utf8').split('\n').map((l) => JSON.parse(l));
    let conll = '';
    let doc = '';
    for (const l of lines) {
      if (l.doc !== doc) conll += '-DOCSTART- -X- O\n\n';
      doc = l.doc;
      conll += l.tokens.map((t: string, i: number) => `${t} X ${l.tags[i]}`).join('\n') + '\n\n';
    }
    fs.writeFileSync(path.join(dir, 'train.conll'), conll);
    const r = await trainNer({
      train: [path.join(dir, 'train.conll')],
      dev: [path.join(dir, 'train.jsonl')],
      out: path.join(dir, 'from-conll'),
      epochs: 3,
      pass2Epochs: 2,
      folds: 2,
      listsDir: '',
      log: () => {},
    });
    expect(r.devHistory.map((h) => `${h.pass}:${h.epoch}`)).toEqual(['1:1', '1:2', '1:3', '2:1', '2:2']);
    expect(r.finalDev!.overall.f1).toBeGreaterThan(0.9);
    expect(r.meta.trainTokens).toBeGreaterThan(400);
  });

  it('refuses missing and corrupt model files with clear errors', () => {
    expect(() => loadNerModel(path.join(dir, 'nope'))).toThrow(/NER model not found/);
    const bad = path.join(dir, 'bad');
    fs.mkdirSync(bad);
    fs.writeFileSync(path.join(bad, 'model.bin.gz'), 'not gzip');
    try {
      loadNerModel(bad);
      expect.unreachable();
    } catch (e) {
      expect((e as NewsgraphError).code).toBe('bad-model');
    }
  });
});
