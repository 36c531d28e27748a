/** The polite, safe HTTP fetcher. */
export { createFetcher, DEFAULT_ACCEPTED_TYPES, DEFAULT_USER_AGENT, HttpStatusError } from './fetcher.js';
export type { Fetcher, FetcherOptions, FetchOptions, FetchResult } from './fetcher.js';
export { checkUrl, judgeAddress } from './address-policy.js';
export type { AddressVerdict, PinnedAddress, Resolver } from './address-policy.js';
