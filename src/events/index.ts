export { EventCoder, type EventCoderOptions } from './coder.js';
export { renderEvents, renderEvent } from './render.js';
export { loadEventLexicon, buildEventLexicon, lexiconCodes, modalCode, type EventLexicon } from './lexicon.js';
export { loadCodebook, parseCodebook, Codebook, type CodebookEntry } from './codebook.js';
export { dedupeEvents } from './dedupe.js';
export { loadPetrarchDictionary, parsePetrarchActors, parsePetrarchAgents } from './petrarch-dictionary.js';
