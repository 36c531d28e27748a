/**
 * Reads PETRARCH/TABARI actor and agent dictionaries, for users migrating
 * from PETRARCH and for scoring PETRARCH-layout validation files:
 *
 *   ARNOR_  [ARN]          actor with its code ("_" joins words)
 *   +ARNORIAN              synonym of the actor above
 *   PRESIDENT [~GOV]       agent: a role noun ("~GOV" after the country)
 *   !MINST! = MINISTER, MINISTERS    substitution set used in agent phrases
 *
 * Produces ActorEntry rows for src/entities/actors (`new ActorDictionary`):
 * actors become country-type entries when the code is a bare 3-letter code,
 * otherwise groups; agents become role entries.
 */
import { NewsgraphError } from '../util/errors.js';
import { readUserTextFile } from '../util/text-file.js';
import { ActorDictionary, type ActorEntry } from '../entities/actors/index.js';

function phraseOf(raw: string): string {
  return raw.replace(/_+$/, '').replace(/_/g, ' ').trim();
}

/** "ARNOR" -> "Arnor": the actor matcher requires capitalised names, so the upper-case dictionary words are title-cased. */
function titleCase(phrase: string): string {
  return phrase
    .split(' ')
    .map((w) => (w.length <= 3 && /^[A-Z.]+$/.test(w) && !/[AEIOU]/.test(w.slice(1)) ? w : w.charAt(0) + w.slice(1).toLowerCase()))
    .join(' ');
}

function stripComment(line: string): string {
  return line.replace(/<!--.*?-->/g, '').replace(/#.*$/, '').trim();
}

export function parsePetrarchActors(file: string, text: string): ActorEntry[] {
  const entries: ActorEntry[] = [];
  let current: ActorEntry | null = null;
  let inComment = false;
  text.split('\n').forEach((raw, i) => {
    let line = raw;
    if (inComment) {
      if (!line.includes('-->')) return;
      line = line.slice(line.indexOf('-->') + 3);
      inComment = false;
    }
    if (line.includes('<!--') && !line.includes('-->')) {
      inComment = true;
      line = line.slice(0, line.indexOf('<!--'));
    }
    line = stripComment(line);
    if (line === '') return;
    if (line.startsWith('+')) {
      if (current) current.aliases.push(titleCase(phraseOf(line.slice(1).replace(/\[.*$/, ''))));
      return;
    }
    const m = /^([^[\]]+?)\s*\[([^\]]+)\]/.exec(line);
    if (!m) return;
    const name = titleCase(phraseOf(m[1]!));
    const code = m[2]!.trim().split(/\s+/)[0]!.toUpperCase();
    if (code === '---' || name === '') {
      current = null;
      return;
    }
    const country = /^[A-Z]{3}/.test(code) ? code.slice(0, 3) : undefined;
    current = {
      id: `petrarch.${entries.length}`,
      type: code.length === 3 ? 'country' : 'group',
      name,
      code,
      ...(country ? { country } : {}),
      aliases: [],
      demonyms: [],
      metonyms: [],
      datedCodes: [],
      capitalisedOnly: [],
      source: { file, line: i + 1 },
    };
    entries.push(current);
  });
  return entries;
}

export function parsePetrarchAgents(file: string, text: string): ActorEntry[] {
  const substitutions = new Map<string, string[]>();
  const entries: ActorEntry[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = stripComment(raw);
    if (line === '') return;
    const sub = /^!(\w+)!\s*=\s*(.+)$/.exec(line);
    if (sub) {
      substitutions.set(sub[1]!.toUpperCase(), sub[2]!.split(',').map((s) => s.trim()));
      return;
    }
    const m = /^([^[{]+?)\s*(?:\{([^}]*)\})?\s*\[([^\]]+)\]/.exec(line);
    if (!m) return;
    const role = m[3]!.trim().replace(/~/g, '').toUpperCase();
    const expand = (phrase: string): string[] => {
      const s = /!(\w+)!/.exec(phrase);
      if (!s) return [phrase];
      return (substitutions.get(s[1]!.toUpperCase()) ?? []).flatMap((w) => expand(phrase.replace(s[0], w)));
    };
    const phrases = expand(m[1]!).map((p) => phraseOf(p).toLowerCase());
    const plurals = (m[2] ?? '').split(/\s+/).filter((p) => p !== '').map((p) => phraseOf(p).toLowerCase());
    // PETRARCH forms regular plurals itself unless braces say otherwise
    const all = [...phrases, ...(m[2] === undefined ? phrases.map((p) => p + 's') : plurals)];
    if (all.length === 0 || role === '') return;
    entries.push({
      id: `petrarch-agent.${entries.length}`,
      type: 'role',
      name: all[0]!,
      code: role.slice(0, 3),
      role: role.slice(0, 3),
      aliases: all.slice(1),
      demonyms: [],
      metonyms: [],
      datedCodes: [],
      capitalisedOnly: [],
      source: { file, line: i + 1 },
    });
  });
  return entries;
}

/** A dictionary file that gave no entry is the wrong file, not an empty dictionary. */
function nonEmpty(file: string, kind: string, entries: ActorEntry[]): ActorEntry[] {
  if (entries.length === 0) throw new NewsgraphError('bad-data', `${file}: no PETRARCH ${kind} entries found (is it a PETRARCH/TABARI ${kind} dictionary?)`);
  return entries;
}

/** An actor dictionary from PETRARCH actor (and agent) files, optionally on top of other entries. */
export function loadPetrarchDictionary(actorFiles: readonly string[], agentFiles: readonly string[] = [], base: readonly ActorEntry[] = []): ActorDictionary {
  const entries = [
    ...base,
    ...actorFiles.flatMap((f) => nonEmpty(f, 'actor', parsePetrarchActors(f, readUserTextFile(f, 'a PETRARCH actor dictionary')))),
    ...agentFiles.flatMap((f) => nonEmpty(f, 'agent', parsePetrarchAgents(f, readUserTextFile(f, 'a PETRARCH agent dictionary')))),
  ];
  return new ActorDictionary(entries, [...actorFiles, ...agentFiles]);
}
