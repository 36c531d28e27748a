import type { BoilerplateKind } from '../doc/schema.js';
import { boilerplateKindSchema } from '../doc/schema.js';
import { dataPath, readJsonData } from '../util/data-files.js';
import { NewsgraphError } from '../util/errors.js';

export interface BoilerplateRule {
  name: string;
  kind: BoilerplateKind;
  regex: RegExp;
}

export interface BoilerplateRules {
  /** Match a whole trimmed line. */
  lineRules: BoilerplateRule[];
  /** Match at the start of a body paragraph (datelines). */
  leadRules: BoilerplateRule[];
}

interface RuleFile {
  lineRules: { name: string; kind: string; pattern: string; flags?: string }[];
  leadRules: { name: string; kind: string; pattern: string; flags?: string }[];
}

function compile(file: string, raw: RuleFile['lineRules']): BoilerplateRule[] {
  return raw.map((r) => {
    const kind = boilerplateKindSchema.safeParse(r.kind);
    if (!kind.success) throw new NewsgraphError('bad-data', `${file}: rule "${r.name}" has unknown kind "${r.kind}"`);
    try {
      // 'd' gives group indices, so headline and source become exact spans.
      return { name: r.name, kind: kind.data, regex: new RegExp(r.pattern, `${r.flags ?? ''}d`) };
    } catch (e) {
      throw new NewsgraphError('bad-data', `${file}: rule "${r.name}" is not a valid pattern: ${(e as Error).message}`);
    }
  });
}

export function loadBoilerplateRules(file = dataPath('clean', 'boilerplate.json')): BoilerplateRules {
  const raw = readJsonData<RuleFile>(file);
  return { lineRules: compile(file, raw.lineRules ?? []), leadRules: compile(file, raw.leadRules ?? []) };
}
