/**
 * Articles written for the UI tests (no shared data): a Russia–North Korea
 * story told by several outlets over months, a relayed quote, a hedged claim,
 * events both ways, and a document full of script-injection payloads.
 */
import { fixtureAnalysis, type FixtureSpec } from '../../src/store/fixtures.js';
import type { Analysis } from '../../src/doc/schema.js';

const RUS = { id: 'a1', name: 'Russia', type: 'LOC' as const, kind: 'country', code: 'RUS', country: 'RUS' };
const PRK = { id: 'a2', name: 'North Korea', type: 'LOC' as const, kind: 'country', code: 'PRK', country: 'PRK' };

/** The article the Analyse and Article tests read. */
export const LETTERS_TEXT = [
  'Moscow and Pyongyang trade letters on friendship',
  '',
  'MOSCOW (Harbour Wire) - The Kremlin sent a letter to Pyongyang\'s leader Kim Jong Un on Monday, the state news agency KCNA reported.',
  '',
  'Vladimir Putin said the two countries would "expand the comprehensive and constructive bilateral relations", KCNA said, according to Reuters.',
  '',
  'North Korea has reportedly offered thousands of workers to help Russia rebuild.',
  '',
  '"There are reports that volunteers are prepared to come," analyst Ivan Petrov told Channel One, reports the Morning Courier.',
  '',
  'Also read | Unrelated headline about the weather',
].join('\n');

export const LETTERS_SPEC: FixtureSpec = {
  id: 'letters-1',
  text: LETTERS_TEXT,
  title: 'Moscow and Pyongyang trade letters on friendship',
  url: 'https://example.test/letters',
  published: '2024-03-04',
  source: 'Harbour Herald',
  actors: [
    { id: 'a1', name: 'Vladimir Putin', type: 'PER', kind: 'person', code: 'RUSGOV', country: 'RUS', role: 'GOV', mentions: ['Vladimir Putin'] },
    { id: 'a10', name: 'Kremlin', type: 'ORG', kind: 'government', code: 'RUSGOV', country: 'RUS', role: 'GOV', mentions: ['Kremlin'] },
    { id: 'a2', name: 'Kim Jong Un', type: 'PER', kind: 'person', code: 'PRKGOV', country: 'PRK', role: 'GOV', mentions: ['Kim Jong Un'] },
    { id: 'a3', name: 'KCNA', type: 'ORG', kind: 'media', code: 'PRKMED', country: 'PRK', role: 'MED', mentions: ['KCNA'] },
    { id: 'a4', name: 'Reuters', type: 'ORG', kind: 'media', code: null, mentions: ['Reuters'] },
    { id: 'a5', name: 'North Korea', type: 'LOC', kind: 'country', code: 'PRK', country: 'PRK', mentions: ['North Korea'] },
    { id: 'a6', name: 'Russia', type: 'LOC', kind: 'country', code: 'RUS', country: 'RUS', mentions: ['Russia'] },
    { id: 'a7', name: 'Ivan Petrov', type: 'PER', kind: 'person', code: null, role: 'analyst', mentions: ['Ivan Petrov'] },
    { id: 'a8', name: 'Channel One', type: 'ORG', kind: 'media', code: 'RUSMED', country: 'RUS', mentions: ['Channel One'] },
    { id: 'a9', name: 'Morning Courier', type: 'ORG', kind: 'media', code: null, mentions: ['Morning Courier'] },
  ],
  quotes: [
    {
      content: 'expand the comprehensive and constructive bilateral relations', speaker: 'Vladimir Putin', speakerActor: 'a1', cue: { text: 'said', lemma: 'say' },
      type: 'mixed',
      chain: [{ name: 'Vladimir Putin', kind: 'speaker', actorId: 'a1' }, { name: 'KCNA', kind: 'medium', actorId: 'a3' }, { name: 'Reuters', kind: 'relay', actorId: 'a4' }],
    },
    {
      content: 'There are reports that volunteers are prepared to come', speaker: 'Ivan Petrov', speakerActor: 'a7', cue: { text: 'told', lemma: 'tell' }, medium: 'Channel One',
      hedged: true,
      chain: [{ name: 'Ivan Petrov', kind: 'speaker', actorId: 'a7' }, { name: 'Channel One', kind: 'medium', actorId: 'a8' }, { name: 'Morning Courier', kind: 'relay', actorId: 'a9' }],
    },
  ],
  hedges: [{ text: 'reportedly', kind: 'reported' }, { text: 'There are reports', kind: 'evidential' }],
  events: [
    { source: { actor: 'a10', code: 'RUSGOV', text: 'Kremlin' }, target: { actor: 'a2', code: 'PRKGOV', text: 'Kim Jong Un' }, verb: 'sent', code: '0871', goldstein: 5.2, plover: { type: 'AID', mode: null }, date: '2024-03-04' },
    { source: { actor: 'a5', code: 'PRK', text: 'North Korea' }, target: { actor: 'a6', code: 'RUS' }, verb: 'offered', code: '0331', goldstein: 5.2, hedged: true, date: '2024-03-04' },
  ],
};

/** Boilerplate layer for the letters article: the related link collapses. */
export function lettersAnalysis(): Analysis {
  const a = fixtureAnalysis(LETTERS_SPEC);
  const t = a.text;
  const related = t.indexOf('Also read |');
  const headline = t.indexOf('Unrelated headline');
  const titleEnd = t.indexOf('\n');
  const blocks: NonNullable<Analysis['layers']['blocks']> = [];
  let pos = 0;
  for (const para of t.split('\n\n')) {
    const start = t.indexOf(para, pos);
    const end = start + para.length;
    pos = end;
    blocks.push({ start, end, text: para, kind: start === 0 ? 'title' : start === related ? 'boilerplate' : 'body' });
  }
  a.layers.blocks = blocks;
  a.layers.title = { start: 0, end: titleEnd, text: t.slice(0, titleEnd) };
  const dateline = t.indexOf('MOSCOW (Harbour Wire) -');
  const wire = t.indexOf('Harbour Wire');
  a.layers.boilerplate = [{
    start: dateline, end: dateline + 'MOSCOW (Harbour Wire) -'.length, text: 'MOSCOW (Harbour Wire) -', kind: 'dateline', rule: 'dateline-agency',
    source: { start: wire, end: wire + 'Harbour Wire'.length, text: 'Harbour Wire' },
  }, {
    start: related, end: t.length, text: t.slice(related), kind: 'related-link', rule: 'related-prefix',
    headline: { start: headline, end: t.length, text: t.slice(headline) },
  }];
  return a;
}

/** Copies of one story from several outlets, and a run of dated RUS/PRK events for the dyad timeline. */
export function storyAnalyses(): Analysis[] {
  const out: Analysis[] = [];
  const outlets = ['Harbour Herald', 'Morning Courier', 'Evening Wire'];
  const base = 'Russia and North Korea signed a new agreement on trade on Tuesday, officials in Moscow said. The agreement covers grain, fuel and rail links between the two countries.';
  outlets.forEach((outlet, i) => {
    const text = i === 2 ? `${base} Both sides praised the deal.` : base + (i === 1 ? ' ' : '');
    out.push(fixtureAnalysis({
      id: `story-copy-${i}`, text: `Trade deal signed\n\n${text}`, title: 'Trade deal signed', url: `https://example.test/${i}/trade`,
      published: `2024-05-0${7 + i}T${String(8 + i).padStart(2, '0')}:00:00Z`, source: outlet,
      actors: [{ ...RUS, mentions: ['Russia'] }, { ...PRK, mentions: ['North Korea'] }],
      events: [{ source: { actor: 'a1', code: 'RUS', text: 'Russia' }, target: { actor: 'a2', code: 'PRK', text: 'North Korea' }, verb: 'signed', code: '057', goldstein: 8, date: '2024-05-07' }],
    }));
  });
  const months: [string, string, string, number][] = [
    ['2024-01-15', 'criticised', '111', -2],
    ['2024-02-10', 'praised', '051', 3.4],
    ['2024-04-20', 'threatened', '138', -7],
    ['2024-06-02', 'met', '040', 1],
    ['2024-07-18', 'attacked', '190', -10],
  ];
  months.forEach(([date, verb, code, g], i) => {
    const back = i % 2 === 1;
    const [s, t] = back ? ['North Korea', 'Russia'] : ['Russia', 'North Korea'];
    const text = `Monthly note ${i}\n\nOn ${date} ${s} ${verb} ${t} in a statement.`;
    out.push(fixtureAnalysis({
      id: `dyad-${i}`, text, title: `Monthly note ${i}`, url: `https://example.test/dyad/${i}`, published: date, source: 'Evening Wire',
      actors: [{ ...RUS, mentions: ['Russia'] }, { ...PRK, mentions: ['North Korea'] }],
      events: [{
        source: { actor: back ? 'a2' : 'a1', code: back ? 'PRK' : 'RUS', text: s }, target: { actor: back ? 'a1' : 'a2', code: back ? 'RUS' : 'PRK', text: t },
        verb, code, goldstein: g, date,
      }],
    }));
  });
  // A near-duplicate of the first note from another outlet, in no story.
  const first = out.find((a) => a.document.id === 'dyad-0')!;
  out.push(fixtureAnalysis({
    id: 'dyad-0-copy', text: `${first.text} Confirmed.`, title: 'Monthly note 0', url: 'https://example.test/copy/0', published: '2024-01-16',
    source: 'Morning Courier', actors: [{ ...RUS, mentions: ['Russia'] }, { ...PRK, mentions: ['North Korea'] }],
  }));
  return out;
}

/** Payloads that would run if any article text were treated as HTML or a link target. */
export const XSS_TEXT = [
  'Hostile <script>window.__xss = 1; alert(1)</script> headline',
  '',
  'Officials said <img src=x onerror="window.__xss = 2; alert(2)"> the plan <svg onload="window.__xss=3"></svg> was ready.',
  '',
  '"Click <a href="javascript:window.__xss=4">here</a> now <iframe src="javascript:alert(5)"></iframe>," Mallory <b onmouseover="window.__xss=6">Evil</b> said.',
  '',
  'javascript:alert(7) and <style>body{display:none}</style> and {{constructor.constructor("window.__xss=8")()}}',
].join('\n');

export function xssAnalysis(): Analysis {
  const a = fixtureAnalysis({
    id: 'xss-1', text: XSS_TEXT, title: '<img src=x onerror="window.__xss=9">Hostile title', url: 'javascript:window.__xss=10',
    published: '2024-02-01', source: '<script>window.__xss=11</script>Evil Outlet',
    actors: [
      { id: 'a1', name: '<img src=x onerror="window.__xss=12">Mallory', type: 'PER', kind: 'person', code: null, mentions: ['Mallory <b onmouseover="window.__xss=6">Evil</b>'] },
      { id: 'a2', name: 'Officials', type: 'ORG', kind: 'organisation', code: 'XSS', mentions: ['Officials'] },
    ],
    quotes: [{
      content: 'Click <a href="javascript:window.__xss=4">here</a> now <iframe src="javascript:alert(5)"></iframe>,', speaker: 'Mallory <b onmouseover="window.__xss=6">Evil</b>',
      speakerActor: 'a1', cue: { text: 'said', lemma: 'say' },
      chain: [{ name: '<script>window.__xss=13</script>', kind: 'speaker', actorId: 'a1' }, { name: 'javascript:alert(14)', kind: 'relay' }],
    }],
    hedges: [{ text: '<svg onload="window.__xss=3"></svg>', kind: 'evidential' }],
    events: [{ source: { actor: 'a2', code: 'XSS', text: 'Officials' }, target: { actor: 'a1', code: null, text: 'Mallory' }, verb: 'said', code: '010', goldstein: 0, date: '2024-02-01' }],
  });
  return a;
}
