/**
 * World actor dictionary: countries, governments, IGOs, media, persons,
 * institutions, groups, places and role nouns with CAMEO codes, loaded from
 * data/actors/*.tsv (format: data/actors/README.md) plus user files, and a
 * token-trie matcher over them. Start with defaultActorDictionary().match().
 */
export {
  loadActorDictionary,
  defaultActorDictionary,
  buildActorDictionary,
  codeOnDate,
  entryOnDate,
  allCodes,
  shippedActorFiles,
  SHIPPED_ACTOR_DIR,
  ActorDictionary,
} from './dictionary.js';
export type { ActorDictionaryStats, ActorSource, LoadActorOptions } from './dictionary.js';
export { ActorDictionaryError } from './tsv.js';
export { composeCode, countryOfCode } from './codes.js';
export { CAMEO_ROLE_CODES, ACTOR_COLUMNS } from './rows.js';
export * from './types.js';
