import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../doc/schema.js';
import { analyzeText } from '../../test-support/docs.js';

function actorOf(a: Analysis, mentionText: string, nth = 0): NonNullable<Analysis['layers']['actors']>[number] | undefined {
  const mention = a.layers.mentions!.filter((m) => m.text === mentionText)[nth];
  return a.layers.actors!.find((x) => x.id === mention?.actorId);
}

const ARTICLE = [
  'Lavrov and Wang hold talks on trade',
  '',
  'Russian Foreign Minister Sergei Lavrov met Chinese Foreign Minister Wang Yi in Beijing on Monday, the Kremlin said.',
  '',
  'Lavrov said he expected trade to grow. The Russian minister also thanked his hosts.',
  '',
  'Norwegian fisheries expert Kari Brekke told NRK that the talks mattered. Brekke said her institute would publish a study.',
  '',
  'China is considered a key partner. It signed three agreements on Tuesday.',
  '',
  'Moscow and Beijing have grown closer, Chinese state media said, and Xinhua reported the visit.',
].join('\n');

describe('EntityLinker', () => {
  const a = analyzeText(ARTICLE, { published: '2023-05-02' });

  it('links dictionary names, surnames and titled names to one actor with a CAMEO code', () => {
    const lavrov = actorOf(a, 'Sergei Lavrov');
    expect(lavrov).toMatchObject({ name: 'Sergei Lavrov', type: 'PER', country: 'RUS' });
    expect(lavrov!.code).toMatch(/^RUS/);
    expect(actorOf(a, 'Lavrov')?.id).toBe(lavrov!.id);
    expect(lavrov!.description).toBe('Russian Foreign Minister');
  });

  it('resolves person pronouns to the subject and descriptions to the person', () => {
    const lavrov = actorOf(a, 'Sergei Lavrov')!;
    expect(actorOf(a, 'he')?.id).toBe(lavrov.id);
    expect(actorOf(a, 'Russian minister')?.id).toBe(lavrov.id);
    expect(actorOf(a, 'his')?.id).toBe(lavrov.id);
  });

  it('gives people missing from the dictionary a country and role from their description', () => {
    const brekke = actorOf(a, 'Kari Brekke');
    expect(brekke).toMatchObject({ country: 'NOR', role: 'expert', dictionaryId: null });
    expect(brekke!.description).toBe('Norwegian fisheries expert');
    expect(actorOf(a, 'Brekke')?.id).toBe(brekke!.id);
    expect(actorOf(a, 'her')?.id).toBe(brekke!.id);
  });

  it('reads capitals as their government, except as places', () => {
    expect(actorOf(a, 'Kremlin')).toMatchObject({ code: 'RUSGOV', kind: 'government' });
    expect(actorOf(a, 'Moscow')).toMatchObject({ code: 'RUSGOV' });
    expect(actorOf(a, 'Beijing', 1)).toMatchObject({ code: 'CHNGOV' });
    expect(actorOf(a, 'Beijing', 0)).toMatchObject({ code: 'CHN', kind: 'country' });
  });

  it('links "It" opening a sentence to the country that opened the one before', () => {
    expect(actorOf(a, 'It')?.id).toBe(actorOf(a, 'China')!.id);
  });

  it('links outlets, and "state media" descriptions to a state outlet of that country', () => {
    expect(actorOf(a, 'Xinhua')).toMatchObject({ kind: 'media', mediaKind: 'state-media', country: 'CHN' });
    expect(actorOf(a, 'Chinese state media')?.id).toBe(actorOf(a, 'Xinhua')!.id);
  });

  it('links a description in apposition to the person before its comma, not a subject after one', () => {
    const b = analyzeText(
      [
        'Mourners gather in Valdora',
        '',
        'Hundreds gathered on Sunday to mourn Tomas Reblik, the opposition leader who died last week.',
        '',
        'Police questioned Tomas Reblik, the Russian ambassador said on Monday.',
      ].join('\n'),
      { published: '2023-05-02' },
    );
    const reblik = actorOf(b, 'Tomas Reblik')!;
    expect(actorOf(b, 'opposition leader', 0)?.id).toBe(reblik.id);
    // "..., the Russian ambassador said": a subject of its own clause, not an apposition.
    expect(actorOf(b, 'Russian ambassador')).toBeDefined();
    expect(actorOf(b, 'Russian ambassador')?.id).not.toBe(reblik.id);
  });

  it('does not take the speaker of a quotation from the people named inside it', () => {
    const b = analyzeText(
      [
        'Ministers meet on trade',
        '',
        'Norwegian fisheries expert Kari Brekke spoke after the talks in Oslo on Monday.',
        '',
        '"I met Sergei Lavrov and the talks went well," she said.',
      ].join('\n'),
      { published: '2023-05-02' },
    );
    // Lavrov is the nearest person before "she", but inside the quotation she speaks.
    expect(actorOf(b, 'she')?.id).toBe(actorOf(b, 'Kari Brekke')!.id);
  });

  it('links "the <role>" to an earlier name with that same role noun only', () => {
    const b = analyzeText(
      [
        'Talks in Tehran',
        '',
        'Supreme Leader Ayatollah Ali Khamenei met envoys in Tehran on Monday.',
        '',
        'The administration said the president would reply within a week.',
      ].join('\n'),
      { published: '2020-02-14' },
    );
    const khamenei = actorOf(b, 'Ayatollah Ali Khamenei') ?? actorOf(b, 'Ali Khamenei');
    expect(khamenei).toBeDefined();
    expect(actorOf(b, 'administration')?.id).not.toBe(khamenei!.id);
    expect(actorOf(b, 'president')?.id).not.toBe(khamenei!.id);
  });

  it('does not read a known surname inside a longer name as that person', () => {
    // "Qassem" alone is a dictionary alias of a Hezbollah leader; "Qassem Soleimani" is someone else.
    const b = analyzeText(['Commander honoured', '', 'Iranian commander Qassem Soleimani visited Baghdad in 2019.'].join('\n'), { published: '2019-06-01' });
    const m = b.layers.mentions!.find((x) => x.text.includes('Qassem'));
    const actor = b.layers.actors!.find((x) => x.id === m?.actorId);
    expect(m?.text).toBe('Qassem Soleimani');
    expect(actor?.code ?? null).not.toBe('LBNREBHEZ');
  });

  it('does not link "he" to a name used as a modifier ("the Clinton campaign")', () => {
    const b = analyzeText(
      ['Campaign denies report', '', 'Police in Valdora questioned staff of the Clinton campaign on Monday.', '', 'He declared that there was no reason to suspect anyone.'].join('\n'),
      { published: '2023-05-02' },
    );
    expect(b.layers.mentions!.find((m) => m.text === 'He')?.actorId ?? null).toBeNull();
  });

  it('every mention slices back and every actor lists its mentions', () => {
    for (const m of a.layers.mentions!) expect(a.text.slice(m.start, m.end)).toBe(m.text);
    for (const actor of a.layers.actors!) {
      for (const i of actor.mentions) expect(a.layers.mentions![i]!.actorId).toBe(actor.id);
    }
  });
});
