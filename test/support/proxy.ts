/** A real forward proxy for tests (the `proxy` package: CONNECT and absolute-form), recording what passes through. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createProxy } from 'proxy';

export interface TestProxy {
  /** http://[user:password@]127.0.0.1:port */
  url: string;
  port: number;
  /** Every request that went through: `CONNECT host:port`, or `GET http://host/path` (query removed). */
  seen: string[];
  close(): Promise<void>;
}

/** Starts a forward proxy on a free port; with `credentials` ("user:password") it asks for Basic auth (407). */
export async function startProxy(credentials?: string): Promise<TestProxy> {
  const seen: string[] = [];
  const server = createProxy(createServer());
  server.on('request', (req) => void seen.push(`${req.method} ${String(req.url).split('?')[0]}`));
  server.on('connect', (req) => void seen.push(`CONNECT ${req.url}`));
  if (credentials) {
    server.authenticate = (req) => req.headers['proxy-authorization'] === `Basic ${Buffer.from(credentials).toString('base64')}`;
  }
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${credentials ? `${credentials}@` : ''}127.0.0.1:${port}`,
    port,
    seen,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
