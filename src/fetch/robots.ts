/**
 * robots.txt, fetched once per origin and cached, read with robots-parser.
 * Outcomes follow RFC 9309: 2xx → the rules; 4xx → everything allowed;
 * 5xx or unreachable → everything disallowed (for this run; it is tried again
 * after `ttlMs`).
 */
import robotsParserModule from 'robots-parser';

interface ParsedRobots {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
}
// robots-parser is CommonJS whose module.exports is the function; its typings describe an
// ES default export, which NodeNext does not map onto module.exports.
const robotsParser = robotsParserModule as unknown as (url: string, contents: string) => ParsedRobots;

export interface RobotsRules {
  isAllowed(url: string): boolean;
  /** Crawl-delay in milliseconds, if the file gives one for us. */
  crawlDelayMs: number | null;
  /** How the rules were obtained, for messages. */
  source: 'file' | 'allow-all' | 'unreachable';
  /** Why robots.txt could not be read ("cannot resolve example.invalid: ENOTFOUND", "HTTP 503"), when it could not. */
  reason?: string;
}

export type RobotsFetch = (robotsUrl: string) => Promise<{ status: number; body: Buffer }>;

export class RobotsCache {
  private readonly cache = new Map<string, { rules: Promise<RobotsRules>; at: number }>();

  constructor(
    private readonly agentToken: string,
    private readonly fetchRobots: RobotsFetch,
    private readonly ttlMs = 60 * 60 * 1000,
  ) {}

  rulesFor(url: URL): Promise<RobotsRules> {
    const origin = url.origin;
    const hit = this.cache.get(origin);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.rules;
    const rules = this.load(origin);
    this.cache.set(origin, { rules, at: Date.now() });
    return rules;
  }

  private async load(origin: string): Promise<RobotsRules> {
    const robotsUrl = `${origin}/robots.txt`;
    let res: { status: number; body: Buffer };
    try {
      res = await this.fetchRobots(robotsUrl);
    } catch (e) {
      // A host we may not connect to is refused as such, not as "robots unreachable".
      const code = (e as { code?: string }).code;
      if (code === 'blocked-address' || code === 'bad-url') throw e;
      return { isAllowed: () => false, crawlDelayMs: null, source: 'unreachable', reason: (e as Error).message ?? String(e) };
    }
    if (res.status >= 500) return { isAllowed: () => false, crawlDelayMs: null, source: 'unreachable', reason: `HTTP ${res.status}` };
    if (res.status >= 400 || res.status < 200 || res.status >= 300) return { isAllowed: () => true, crawlDelayMs: null, source: 'allow-all' };
    const parsed = robotsParser(robotsUrl, res.body.toString('utf8'));
    const delay = parsed.getCrawlDelay(this.agentToken);
    return {
      isAllowed: (u: string) => parsed.isAllowed(u, this.agentToken) !== false,
      crawlDelayMs: typeof delay === 'number' && delay > 0 ? delay * 1000 : null,
      source: 'file',
    };
  }
}
