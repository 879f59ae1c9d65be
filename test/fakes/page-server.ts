/**
 * A real HTTP server on 127.0.0.1 with scripted routes, for fetch and CLI
 * tests. Each route is a handler; the server records the requests it saw.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void;

export interface PageServer {
  url: (path: string) => string;
  requests: string[];
  close: () => Promise<void>;
}

export async function startPageServer(routes: Record<string, RouteHandler>): Promise<PageServer> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const handler = routes[(req.url ?? '').split('?')[0] ?? ''];
    if (handler === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    requests,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** Responds with a body and headers. */
export function send(body: string | Uint8Array, headers: Record<string, string> = {}, status = 200): RouteHandler {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers }).end(body);
  };
}
