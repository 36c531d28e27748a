/**
 * `newsgraph serve`: the HTTP API (and the web UI when built) over the same
 * store as the other commands. Loopback by default; beyond loopback a token
 * is required.
 */
import { Command, Option } from 'commander';
import { DEFAULT_BODY_LIMIT, DEFAULT_TIMEOUT_MS } from '../../api/app.js';
import { DEFAULT_HOST, DEFAULT_PORT, startServer } from '../../api/server.js';
import { defaultDb, openStore } from '../../store/open.js';
import { NewsgraphError } from '../../util/errors.js';

function intIn(value: string, name: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new NewsgraphError('usage', `${name} must be an integer from ${min} to ${max}, got "${value}"`);
  return n;
}

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('serve the HTTP API (and the web UI) over the store; /openapi.json describes the API')
    .addOption(new Option('--db <path-or-url>', 'SQLite file or postgres:// URL (or set NEWSGRAPH_DB)').default(defaultDb()))
    .option('--host <host>', 'address to listen on (beyond loopback a token is required)', DEFAULT_HOST)
    .option('--port <n>', 'port (0 picks a free one)', (v) => intIn(v, '--port', 0, 65535), DEFAULT_PORT)
    .addOption(new Option('--token <token>', 'bearer token for write endpoints').env('NEWSGRAPH_TOKEN'))
    .option('--cors <origins>', 'comma-separated origins allowed by CORS (off by default)')
    .option('--body-limit <bytes>', 'largest request body', (v) => intIn(v, '--body-limit', 1024, 1024 * 1024 * 1024), DEFAULT_BODY_LIMIT)
    .option('--timeout <ms>', 'per-request time limit', (v) => intIn(v, '--timeout', 100, 3_600_000), DEFAULT_TIMEOUT_MS)
    .option('--allow-private', 'let URL analysis fetch private and loopback addresses')
    .action(async (o: { db: string; host: string; port: number; token?: string; cors?: string; bodyLimit: number; timeout: number; allowPrivate?: boolean }) => {
      const token = o.token && o.token.trim() !== '' ? o.token.trim() : null;
      if (token !== null && token.length < 16) throw new NewsgraphError('usage', 'the token must be at least 16 characters');
      const store = await openStore(o.db);
      let server;
      try {
        server = await startServer({
          store, host: o.host, port: o.port, token, bodyLimit: o.bodyLimit, timeoutMs: o.timeout, allowPrivate: Boolean(o.allowPrivate),
          corsOrigins: o.cors ? o.cors.split(',').map((s) => s.trim()).filter(Boolean) : [],
        });
      } catch (e) {
        await store.close();
        throw e;
      }
      process.stderr.write(`newsgraph: listening on ${server.url} (store ${store.path}${token ? ', writes need the token' : ''}); Ctrl-C stops\n`);
      const running = server;
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          void running.close().then(() => store.close()).then(resolve);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
