import { describe, expect, it } from 'vitest';
import { parseConll, parseJsonl } from './corpus.js';

describe('parseConll', () => {
  it('splits documents at -DOCSTART- and sentences at blank lines, whatever the line endings', () => {
    const text = [
      '-DOCSTART- -X- -X- O',
      '',
      'Rain NN O',
      'hit VBD O',
      'Lyon NNP B-LOC',
      '',
      '',
      'Ada NNP B-PER',
      '-DOCSTART- -X- O',
      'Quill NNP B-PER',
      'left VBD O',
    ].join('\r\n');
    const docs = parseConll(text, 't.conll');
    expect(docs.map((d) => d.sentences.map((s) => s.tokens))).toEqual([
      [['Rain', 'hit', 'Lyon'], ['Ada']],
      [['Quill', 'left']],
    ]);
    expect(docs[0]!.sentences[0]!.tags).toEqual(['O', 'O', 'B-LOC']);
  });

  it('takes the last column as the tag and accepts two-column files', () => {
    const docs = parseConll('Northwind B-ORG\nrose O\n');
    expect(docs[0]!.sentences[0]).toEqual({ tokens: ['Northwind', 'rose'], tags: ['B-ORG', 'O'] });
  });

  it('reports the line of a bad row', () => {
    expect(() => parseConll('ok O\nlonely\n', 'x.conll')).toThrow(/x\.conll:2: .*one column/);
    expect(() => parseConll('ok O\nbad B-DATE\n', 'x.conll')).toThrow(/x\.conll:2: tag "B-DATE"/);
  });

  it('gives no documents for empty input', () => {
    expect(parseConll('\n\n')).toEqual([]);
    expect(parseConll('-DOCSTART- O\n\n')).toEqual([]);
  });
});

describe('parseJsonl', () => {
  it('groups sentences by doc and keeps lines without doc apart', () => {
    const lines = [
      { doc: 'a', tokens: ['Ada', 'spoke'], tags: ['B-PER', 'O'] },
      { tokens: ['Lone'], tags: ['O'] },
      { doc: 'a', tokens: ['Lyon'], tags: ['B-LOC'] },
    ].map((r) => JSON.stringify(r));
    const docs = parseJsonl(lines.join('\n'));
    expect(docs.map((d) => d.sentences.length)).toEqual([2, 1]);
    expect(docs[0]!.id).toBe('a');
  });

  it('rejects bad records with the line number', () => {
    expect(() => parseJsonl('{"tokens":["a"],"tags":["O"]}\n{oops', 'f.jsonl')).toThrow(/f\.jsonl:2: not valid JSON/);
    expect(() => parseJsonl('{"tokens":["a","b"],"tags":["O"]}', 'f.jsonl')).toThrow(/2 tokens but 1 tags/);
    expect(() => parseJsonl('{"tokens":"a b","tags":["O"]}', 'f.jsonl')).toThrow(/arrays of strings/);
  });
});
