/** WARC / WARC.gz reading. */
export { readWarc, WARC_DEFAULTS } from './read-warc.js';
export type { ReadWarcOptions, WarcRecord, WarcSkipReason } from './read-warc.js';
export type { WarcInput } from './warc-source.js';
