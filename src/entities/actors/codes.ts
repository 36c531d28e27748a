/**
 * Building CAMEO codes from a matched country/organisation and a role noun,
 * as PETRARCH does with its agents dictionary: "Russian" (RUS) + "officials"
 * (GOV) = RUSGOV; "North Korean" (PRK) + "state media" (GOVMED) = PRKGOVMED.
 */

const BLOCK = 3;

function blocks(code: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < code.length; i += BLOCK) out.push(code.slice(i, i + BLOCK));
  return out;
}

/**
 * `base` (a country, IGO or group code) followed by the role blocks of
 * `role` that it does not already carry: composeCode('RUSGOV', 'GOV') stays
 * RUSGOV, composeCode('RUS', '') (a descriptor such as "analyst") is RUS.
 */
export function composeCode(base: string, role: string): string {
  const have = new Set(blocks(base).slice(1));
  const add = blocks(role).filter((b) => !have.has(b));
  return base + add.join('');
}

/** The country part of a code ("PRKGOVMED" -> "PRK"), undefined for IGO/NGO/IMG and other international codes. */
export function countryOfCode(code: string): string | undefined {
  const first = code.slice(0, BLOCK);
  return ['IGO', 'NGO', 'IMG', 'MNC', 'NGM', 'INT', 'UIS', '---', ''].includes(first) ? undefined : first;
}
