export { Attributor } from './attributor.js';
export { renderAttributions, renderChain } from './render.js';
export { isHedged } from './hedges.js';
export { FixedEntities, type EntityLayers } from './entities-stub.js';
export { loadAttributionLexicon, attributionLexicon, type AttributionLexicon } from './lexicon.js';
