import { describe, expect, it } from 'vitest';
import { analyzeText } from '../test-support/docs.js';

const sentencesOf = (text: string): string[] =>
  analyzeText(text).layers.sentences!.filter((s) => s.section === 'body').map((s) => s.text);

describe('Segmenter', () => {
  it('survives abbreviations, initials and decimals', () => {
    expect(sentencesOf('x\n\nThe U.S. envoy met Gen. Mark Hale on Jan. 5 in Washington. Growth was 2.5 percent, said J. R. Smith. Talks end today.')).toEqual([
      'The U.S. envoy met Gen. Mark Hale on Jan. 5 in Washington.',
      'Growth was 2.5 percent, said J. R. Smith.',
      'Talks end today.',
    ]);
  });

  it('does not end a sentence inside a short parenthesis or after a state abbreviation that closes one', () => {
    expect(sentencesOf('x\n\nSen. Kari Lund (I-Vt.) said she would run. Rep. Nils Berg (D-N.Y.) said the plan was bad. It rained.')).toEqual([
      'Sen. Kari Lund (I-Vt.) said she would run.',
      'Rep. Nils Berg (D-N.Y.) said the plan was bad.',
      'It rained.',
    ]);
    // Nor right before the comma of an apposition.
    expect(sentencesOf('x\n\nRep. Kari Lund (D-Nord.), the harbour chief, said the ferry was late.')).toEqual(['Rep. Kari Lund (D-Nord.), the harbour chief, said the ferry was late.']);
    // A parenthesis that is itself a sentence still ends one.
    expect(sentencesOf('x\n\nThe vote failed. (It was close.) Then the talks resumed.')).toEqual(['The vote failed.', '(It was close.)', 'Then the talks resumed.']);
  });

  it('keeps a quote that ends in punctuation with its attribution', () => {
    expect(sentencesOf('x\n\n“We should let them,” Korotchenko was quoted as saying. He left.')).toEqual([
      '“We should let them,” Korotchenko was quoted as saying.',
      'He left.',
    ]);
    expect(sentencesOf('x\n\n"Is it over?" she asked. "Yes." Then silence.')).toEqual(['"Is it over?" she asked.', '"Yes."', 'Then silence.']);
  });

  it('ends a headline without a full stop at its line', () => {
    const a = analyzeText('Ministers agree new border deal\n\nThe deal was signed on Monday.');
    expect(a.layers.sentences!.map((s) => [s.section, s.text])).toEqual([
      ['title', 'Ministers agree new border deal'],
      ['body', 'The deal was signed on Monday.'],
    ]);
  });

  it('splits a full stop glued to a final word, but not one that ends an abbreviation', () => {
    const a = analyzeText('x\n\nThe answer was no. The talks ended. He works at Acme Inc.');
    const texts = a.layers.tokens!.map((t) => t.text);
    expect(texts).toContain('no');
    expect(texts).toContain('Inc.');
    expect(sentencesOf('x\n\nThe answer was no. The talks ended.')).toEqual(['The answer was no.', 'The talks ended.']);
  });

  it('repairs a name read as a verb, an -ed verb read as an adjective and an -s verb read as a noun', () => {
    const tags = (text: string): string[] => analyzeText(`x\n\n${text}`).layers.tokens!.filter((t) => t.text !== 'x').map((t) => `${t.text}/${t.pos}`);
    expect(tags('The paper said Cook provided a statement.')).toContain('Cook/PROPN');
    expect(tags('Mr. Trump alleged that Mr. Berg had lied.')).toContain('alleged/VERB');
    expect(tags('Each year of education yields a 10% bump in income.')).toContain('yields/VERB');
    expect(tags('On Monday, Sen. Ted Cruz weighed in on the dispute.')).toContain('Ted/PROPN');
    // After a word (not after punctuation that may open a quotation), a capitalised word read as a verb is a name.
    expect(tags('“The ferry is late,” said Skelly, explaining the delay.')).toContain('Skelly/PROPN');
    expect(tags('Holm told The Post of Charleston on Saturday that the ferry was late.')).toContain('Charleston/PROPN');
    expect(tags('“The ferry is late,” said Will Holm, the harbour chief.')).toContain('Will/PROPN');
    // After punctuation or at the start, a capitalised word read as a verb or adverb right before "said" is a name.
    expect(tags('The ferry was late, Jolly said.')).toContain('Jolly/PROPN');
    expect(tags('Welch said the ferry was late.')).toContain('Welch/PROPN');
    expect(tags('Having said that, the ferry was late.')).not.toContain('Having/PROPN');
    expect(tags('Holm informed the board that the ferry was late.')).toContain('informed/VERB');
    expect(tags('His alleged crimes were never tried.')).toContain('alleged/ADJ');
    // After a perfect "have", an "-ed" word read as an adjective is a participle.
    expect(tags('The harbour board and some experts have alleged that the ferry was late.')).toContain('alleged/VERB');
    // A hyphenated compound of a verb and a particle is a noun.
    expect(tags('Holm told NRK in a follow-up statement that the ferry was late.')).toContain('follow/NOUN');
    expect(tags('The state-owned ferry company said the route was late.')).toContain('owned/ADJ');
    // An adjective after a determiner, right before a verb, is a noun.
    expect(tags('The Republican incumbent said that the ferry was late.')).toContain('incumbent/NOUN');
    expect(tags('Her main rival said that the ferry was late.')).toContain('rival/NOUN');
    expect(tags('The rival has said that the ferry was late.')).toContain('rival/NOUN');
    // A participle between a determiner and a noun is an adjective.
    expect(tags('“The ferry is late,” said one unaligned Nordland strategist.')).toContain('unaligned/ADJ');
    expect(tags('Holm described the most engaged passengers as patient.')).toContain('engaged/ADJ');
    expect(tags('Holm has won more pledged delegates than Lund.')).toContain('pledged/ADJ');
    // Title-case headlines are left alone.
    expect(tags('Ferry Chief Says Cook Provided A Statement')).not.toContain('Cook/PROPN');
  });

  it('tags parts of speech', () => {
    const tokens = analyzeText('Letters\n\nPutin sent a letter.').layers.tokens!;
    expect(tokens.map((t) => `${t.text}/${t.pos}`)).toEqual(['Letters/PROPN', 'Putin/PROPN', 'sent/VERB', 'a/DET', 'letter/NOUN', './PUNCT']);
  });
});
