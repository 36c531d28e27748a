/**
 * A small lexicon-driven lemmatiser. Instead of guessing the lemma of any
 * word (where rules fail on "offered"/"agreed"/"used"), it generates the
 * inflected forms of every word the event lexicon knows (verbs: -s, -ed,
 * -ing, irregular past forms; nouns: plurals) and maps each form back to its
 * lemmas. Words the lexicon does not know need no lemma.
 */

/** Irregular verbs that occur in event language: lemma -> [past, participle, ...]. */
const IRREGULAR: Record<string, string[]> = {
  be: ['am', 'is', 'are', 'was', 'were', 'been', 'being', "'s", "'re", "'m"],
  have: ['has', 'had', 'having', "'ve"],
  do: ['does', 'did', 'done', 'doing'],
  go: ['goes', 'went', 'gone'],
  say: ['said'],
  make: ['made'],
  take: ['took', 'taken'],
  give: ['gave', 'given'],
  send: ['sent'],
  meet: ['met'],
  hold: ['held'],
  seek: ['sought'],
  leave: ['left'],
  tell: ['told'],
  write: ['wrote', 'written'],
  strike: ['struck', 'stricken'],
  fight: ['fought'],
  shoot: ['shot'],
  lay: ['laid'],
  pay: ['paid'],
  bring: ['brought'],
  buy: ['bought'],
  sell: ['sold'],
  lead: ['led'],
  break: ['broke', 'broken'],
  forgive: ['forgave', 'forgiven'],
  undertake: ['undertook', 'undertaken'],
  withdraw: ['withdrew', 'withdrawn'],
  throw: ['threw', 'thrown'],
  blow: ['blew', 'blown'],
  beat: ['beaten'],
  fly: ['flew', 'flown'],
  come: ['came'],
  begin: ['began', 'begun'],
  drive: ['drove', 'driven'],
  overrun: ['overran'],
  retake: ['retook', 'retaken'],
  rise: ['rose', 'risen'],
  speak: ['spoke', 'spoken'],
  stand: ['stood'],
  win: ['won'],
  put: ['put'],
  cut: ['cut'],
  set: ['set'],
  hit: ['hit'],
  let: ['let'],
  quit: ['quit'],
  cast: ['cast'],
  forbid: ['forbade', 'forbidden'],
  freeze: ['froze', 'frozen'],
  hang: ['hung', 'hanged'],
  show: ['shown'],
  flee: ['fled'],
  feel: ['felt'],
  keep: ['kept'],
  know: ['knew', 'known'],
  think: ['thought'],
  find: ['found'],
  see: ['saw', 'seen'],
  get: ['got', 'gotten'],
  run: ['ran'],
  shut: ['shut'],
  lose: ['lost'],
  mean: ['meant'],
  build: ['built'],
  bid: ['bid'],
  spend: ['spent'],
  lend: ['lent'],
  slay: ['slew', 'slain'],
  wage: ['waged'],
  stab: ['stabbed'],
  sit: ['sat'],
  swear: ['swore', 'sworn'],
  foresee: ['foresaw', 'foreseen'],
  oversee: ['oversaw', 'overseen'],
  rebuild: ['rebuilt'],
  arise: ['arose', 'arisen'],
  light: ['lit', 'lighted'],
  shake: ['shook', 'shaken'],
  deal: ['dealt'],
  bear: ['bore', 'borne'],
  upset: ['upset'],
  forecast: ['forecast'],
  broadcast: ['broadcast'],
};

const VOWEL = /[aeiou]/;

function endsConsonantVowelConsonant(w: string): boolean {
  const n = w.length;
  if (n < 3) return false;
  const [a, b, c] = [w[n - 3]!, w[n - 2]!, w[n - 1]!];
  return !VOWEL.test(a) && VOWEL.test(b) && !VOWEL.test(c) && !/[wxy]/.test(c);
}

/** Every inflected form of a verb lemma (regular rules plus the irregular table). */
export function verbForms(lemma: string): string[] {
  const w = lemma.toLowerCase();
  const forms = new Set([w, ...(IRREGULAR[w] ?? [])]);
  // third person
  if (/(s|x|z|ch|sh)$/.test(w) || /[^aeiou]o$/.test(w)) forms.add(w + 'es');
  else if (/[^aeiou]y$/.test(w)) forms.add(w.slice(0, -1) + 'ies');
  else forms.add(w + 's');
  // past and participle; doubling is generated both ways (travelled/traveled, committed/*commited) because stress cannot be read off spelling
  if (w.endsWith('e')) forms.add(w + 'd');
  else if (/[^aeiou]y$/.test(w)) forms.add(w.slice(0, -1) + 'ied');
  else {
    forms.add(w + 'ed');
    if (endsConsonantVowelConsonant(w)) forms.add(w + w.at(-1)! + 'ed');
  }
  // gerund
  if (w.endsWith('ie')) forms.add(w.slice(0, -2) + 'ying');
  else if (w.endsWith('e') && !/(ee|ye|oe)$/.test(w)) forms.add(w.slice(0, -1) + 'ing');
  else {
    forms.add(w + 'ing');
    if (endsConsonantVowelConsonant(w)) forms.add(w + w.at(-1)! + 'ing');
  }
  return [...forms];
}

/** Singular and plural of a noun ("sanction"/"sanctions", "sympathy"/"sympathies"). */
export function nounForms(lemma: string): string[] {
  const w = lemma.toLowerCase();
  const forms = new Set([w]);
  if (/(s|x|z|ch|sh)$/.test(w)) forms.add(w + 'es');
  else if (/[^aeiou]y$/.test(w)) forms.add(w.slice(0, -1) + 'ies');
  else forms.add(w + 's');
  if (w.endsWith('man')) forms.add(w.slice(0, -3) + 'men');
  return [...forms];
}

/** Maps surface forms (lower case) to the lexicon lemmas they can be forms of. */
export class Lemmatizer {
  private readonly formToLemmas = new Map<string, string[]>();

  /** Registers a word the lexicon uses; `verb` adds verb inflections, otherwise noun ones too. */
  add(lemma: string, asVerb: boolean): void {
    const forms = asVerb ? verbForms(lemma) : [...nounForms(lemma), ...verbForms(lemma)];
    for (const f of forms) {
      const list = this.formToLemmas.get(f);
      if (list === undefined) this.formToLemmas.set(f, [lemma.toLowerCase()]);
      else if (!list.includes(lemma.toLowerCase())) list.push(lemma.toLowerCase());
    }
  }

  /** Lemmas a lower-case form can have; the form itself when the lexicon does not know it. */
  lemmas(form: string): readonly string[] {
    return this.formToLemmas.get(form) ?? [form];
  }

  knows(form: string): boolean {
    return this.formToLemmas.has(form);
  }
}
