/**
 * Listening: the API app on a socket. On loopback the server may run
 * without a token; on any other address it refuses to start without one,
 * so a store is never writable from the network by accident.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { NewsgraphError } from '../util/errors.js';
import { createServerApp, DEFAULT_TIMEOUT_MS, type AppOptions } from './app.js';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8080;

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

export interface RunningServer {
  url: string;
  host: string;
  port: number;
  close(): Promise<void>;
}

export async function startServer(opts: AppOptions & { host?: string; port?: number; webRoot?: string }): Promise<RunningServer> {
  const host = opts.host ?? DEFAULT_HOST;
  const port = opts.port ?? DEFAULT_PORT;
  if (!isLoopback(host) && !opts.token) {
    throw new NewsgraphError('usage', `refusing to listen on ${host} without a token: give --token or set NEWSGRAPH_TOKEN (write endpoints need it beyond loopback)`);
  }
  const app = createServerApp(opts);
  const server = serve({ fetch: app.fetch, hostname: host, port });
  // Slow or stalled clients are cut off too, not only slow handlers.
  const nodeServer = server as unknown as import('node:http').Server;
  nodeServer.headersTimeout = 10_000;
  nodeServer.requestTimeout = (opts.timeoutMs ?? DEFAULT_TIMEOUT_MS) + 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('listening', () => resolve());
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(new NewsgraphError('usage', e.code === 'EADDRINUSE' ? `${host}:${port} is already in use: choose another --port` : `cannot listen on ${host}:${port}: ${e.message}`)),
    );
  });
  const address = server.address() as AddressInfo;
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shown}:${address.port}`,
    host: address.address,
    port: address.port,
    close: () => new Promise<void>((resolve) => {
      nodeServer.closeAllConnections?.();
      server.close(() => resolve());
    }),
  };
}
