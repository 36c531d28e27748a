import { describe, expect, it } from 'vitest';
import { snippetParts } from '../../web/src/snippet.js';

describe('search snippets in the UI', () => {
  it('bolds the hits the offsets name, and leaves the text\'s own brackets as text', () => {
    const text = '…the ink had [scarcely] [dried] on the [Lisbon] agreement…';
    const at = (w: string) => ({ start: text.indexOf(`[${w}]`) + 1, end: text.indexOf(`[${w}]`) + 1 + w.length });
    expect(snippetParts(text, [at('dried'), at('scarcely')])).toEqual([
      { text: '…the ink had ', hit: false },
      { text: 'scarcely', hit: true },
      { text: ' ', hit: false },
      { text: 'dried', hit: true },
      { text: ' on the [Lisbon] agreement…', hit: false },
    ]);
    expect(snippetParts('[a] b', [{ start: 1, end: 2 }])).toEqual([{ text: 'a', hit: true }, { text: ' b', hit: false }]);
    expect(snippetParts('no hits [here]', [])).toEqual([{ text: 'no hits [here]', hit: false }]);
  });
});
