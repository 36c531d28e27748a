/**
 * Within-article linking: every candidate mention gets an actor key.
 *
 * - Dictionary names link to their entry ("Putin" and "Vladimir Putin" are one).
 * - Unknown names link by name; a shorter name that is part of a longer
 *   person's name links to that person ("Korotchenko", "Kim").
 * - Descriptions ("the North Korean leader") link to the person or outlet
 *   with that country and role; otherwise they become an actor of their own
 *   ("North Korean state media", PRKMED).
 * - Person pronouns link to the subject of their sentence (the first person
 *   mentioned before them), else the subject of an earlier sentence.
 * - "It"/"its" at the start of a sentence links to a country, government or
 *   organisation that opened the previous sentence, and to nothing else.
 */
import type { Candidate } from './candidates.js';

export interface ResolveContext {
  /** First token index of each sentence, to find sentence openers. */
  sentenceStarts: number[];
  /** Token texts of the whole document (analysis view). */
  words: string[];
  /** Pronouns by grammatical gender (lower case). */
  gender: { male: Set<string>; female: Set<string> };
}

const PRONOUN_LOOKBACK_SENTENCES = 3;
const ARTICLE = /^(?:the|a|an)$/i;

function keyOfEntry(c: Candidate): string | null {
  return c.entry ? `dict:${c.entry.id}` : null;
}

function nameWords(c: Candidate, ctx: ResolveContext): string[] {
  return ctx.words.slice(c.startToken, c.endToken).map((w) => w.toLowerCase());
}

function actorCountry(c: Candidate): string | null {
  return c.entry?.country ?? c.description?.country ?? null;
}

function actorRole(c: Candidate): string | null {
  if (c.entry && c.entry.code.length >= 6) return c.entry.code.slice(3, 6);
  return c.description?.role ?? null;
}

export function resolveMentions(cands: Candidate[], ctx: ResolveContext): void {
  // 1. Names.
  const people: Candidate[] = [];
  for (const c of cands) {
    if (c.kind !== 'name' && c.kind !== 'metonym') continue;
    c.actorKey = keyOfEntry(c);
    if (c.actorKey === null) {
      const words = nameWords(c, ctx);
      if (c.type === 'PER') {
        // The longest earlier-or-later person whose name contains these words.
        const host = cands
          .filter((o) => o !== c && o.type === 'PER' && o.kind === 'name' && o.endToken - o.startToken > c.endToken - c.startToken)
          .find((o) => {
            const ow = nameWords(o, ctx);
            return words.every((w) => ow.includes(w));
          });
        if (host) {
          c.actorKey = host.actorKey ?? keyOfEntry(host) ?? `name:PER:${nameWords(host, ctx).join(' ')}`;
          continue;
        }
      }
      c.actorKey = `name:${c.type}:${words.join(' ')}`;
    }
    if (c.type === 'PER') people.push(c);
  }

  // 2. Descriptions.
  for (const c of cands) {
    if (c.kind !== 'description' || !c.description) continue;
    const d = c.description;
    const before = (o: Candidate): boolean => o.startToken < c.startToken;
    let target: Candidate | undefined = d.plural ? undefined : apposedPerson(c, cands, ctx);
    if (target) {
      // "Boris Nemtsov, the opposition leader": described where he is named.
    } else if (d.personal && d.country !== null) {
      const fits = (o: Candidate): boolean => o.type === 'PER' && o.kind === 'name' && actorCountry(o) === d.country && (actorRole(o) === d.role || actorRole(o) === null);
      target = [...people].reverse().find((o) => before(o) && fits(o)) ?? people.find(fits);
    } else if (d.role === 'MED' && d.country !== null && !d.plural) {
      const fits = (o: Candidate): boolean => o.entry?.type === 'media' && o.entry.country === d.country && (!d.stateMedia || o.entry.kind === 'state-media' || o.entry.ownership === 'state');
      target = cands.find(fits);
    }
    const definite = /^(?:the|this|that)$/i.test(ctx.words[c.startToken - 1] ?? '');
    if (!target && definite && d.country === null && !d.plural && d.role !== null) {
      // "the student" after "Texas student Ahmed Mohamed": the nearest earlier name described with the same role.
      // Same head noun, not just the same role code: "the president" is not the "Ayatollah" (both GOV), and
      // "the administration" is not a person described as a leader.
      const head = ctx.words[c.endToken - 1]!.toLowerCase();
      target = [...cands]
        .reverse()
        .find((o) => before(o) && o.kind === 'name' && o.description?.role === d.role && o.actorKey !== null && ctx.words[o.description.endToken - 1]?.toLowerCase() === head);
    }
    c.actorKey = target?.actorKey ?? (d.country !== null && d.role !== null ? `desc:${d.country}:${d.role}:${d.personal ? 'one' : 'group'}` : `desc:${ctx.words.slice(c.startToken, c.endToken).join(' ').toLowerCase()}`);
    if (target && target.type === 'PER') c.type = 'PER';
  }

  // 3. Pronouns, in reading order.
  const sentenceOf = (token: number): number => {
    let lo = 0;
    let hi = ctx.sentenceStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ctx.sentenceStarts[mid]! <= token) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  // "the Clinton campaign", "a Trump adviser": a name used as a modifier names no one a later "he" can be.
  const modifierName = (o: Candidate): boolean =>
    o.kind === 'name' && ARTICLE.test(ctx.words[o.startToken - 1] ?? '') && /^[a-z]/.test(ctx.words[o.endToken] ?? '');
  const linkedPeople = (): Candidate[] => cands.filter((o) => o.type === 'PER' && o.actorKey !== null && o.kind !== 'pronoun' && !modifierName(o));
  // Grammatical gender an actor has shown through the pronouns already linked to it.
  const genderOf = new Map<string, 'm' | 'f'>();
  for (const c of cands) {
    if (c.kind !== 'pronoun') continue;
    const sentence = sentenceOf(c.startToken);
    if (c.type === 'PER') {
      const gender = pronounGender(ctx.words[c.startToken]!, ctx.gender);
      const fits = (o: Candidate): boolean => gender === null || (genderOf.get(o.actorKey!) ?? gender) === gender;
      // '"... I met Putin ...," he said': whoever speaks a quotation names others in it, not themself.
      const quote = quotationBefore(c.startToken, ctx.words);
      const outsideQuote = (o: Candidate): boolean => quote === null || o.startToken < quote.open || o.startToken >= quote.close;
      const persons = linkedPeople().filter((o) => fits(o) && outsideQuote(o));
      const sameSentence = persons.filter((o) => sentenceOf(o.startToken) === sentence && o.startToken < c.startToken);
      let antecedent = sameSentence[0];
      for (let back = 1; !antecedent && back <= PRONOUN_LOOKBACK_SENTENCES; back++) {
        antecedent = persons.find((o) => sentenceOf(o.startToken) === sentence - back);
      }
      c.actorKey = antecedent?.actorKey ?? null;
      if (c.actorKey !== null && gender !== null) genderOf.set(c.actorKey, gender);
    } else {
      const opensSentence = ctx.sentenceStarts[sentence] === c.startToken;
      if (!opensSentence || sentence === 0) continue;
      const prevStart = ctx.sentenceStarts[sentence - 1]!;
      const opener = cands.find(
        (o) => o.kind !== 'pronoun' && o.type !== 'PER' && o.actorKey !== null && (o.startToken === prevStart || (o.startToken === prevStart + 1 && /^(the)$/i.test(ctx.words[prevStart]!))),
      );
      c.actorKey = opener?.actorKey ?? null;
      if (opener) c.type = opener.type;
    }
  }
}

/** A description right after a name and a comma that starts a clause of its own: "..., the minister said". */
const SPEECH_AFTER = /^(?:said|says|told|tells|added|adds|stated|noted|wrote|warned|argued|insisted|explained|announced|claimed|replied|asked|reported|reports|thinks|believes)$/i;

/**
 * The person a description stands in apposition to: "Boris Nemtsov, the
 * opposition leader", "Igor Korotchenko, a defence analyst". Not when the
 * description is the subject of what follows ("Putin, the minister said")
 * or names another country than the person's.
 */
function apposedPerson(c: Candidate, cands: readonly Candidate[], ctx: ResolveContext): Candidate | undefined {
  if (c.type !== 'PER') return undefined;
  let k = c.startToken - 1;
  if (ARTICLE.test(ctx.words[k] ?? '')) k--;
  if (ctx.words[k] !== ',' || SPEECH_AFTER.test(ctx.words[c.endToken] ?? '')) return undefined;
  const host = cands.find((o) => o.kind === 'name' && o.type === 'PER' && o.endToken === k && o.actorKey !== null);
  if (!host) return undefined;
  const country = actorCountry(host);
  if (c.description?.country && country && country !== c.description.country) return undefined;
  return host;
}

const QUOTE_MARK = /^(?:["“”]|''|``)$/;
/** How far back the opening mark of a quotation is looked for, in tokens. */
const MAX_QUOTE_TOKENS = 400;

/**
 * The quotation that closes right before token t ('"...," he said',
 * '"...?" she asked'), as [open, close) token indices, or null.
 */
function quotationBefore(t: number, words: readonly string[]): { open: number; close: number } | null {
  const close = t - 1;
  if (close < 2 || !QUOTE_MARK.test(words[close]!) || !/^[,?!.…—-]$/.test(words[close - 1]!)) return null;
  for (let k = close - 2; k >= 0 && k >= close - MAX_QUOTE_TOKENS; k--) {
    if (QUOTE_MARK.test(words[k]!)) return { open: k, close };
  }
  return null;
}

function pronounGender(word: string, gender: ResolveContext['gender']): 'm' | 'f' | null {
  const w = word.toLowerCase();
  if (gender.male.has(w)) return 'm';
  if (gender.female.has(w)) return 'f';
  return null;
}
