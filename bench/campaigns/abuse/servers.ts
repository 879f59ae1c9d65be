/**
 * The two HTTP servers of the SSRF phase, both on 127.0.0.1:
 * - the internal server stands for every address the bot must never reach;
 *   its request log counts SSRF successes;
 * - the attacker's "public" server (reached as `attacker.test`, the only
 *   allow-listed name) redirects to internal targets, announces internal
 *   feeds and links, and serves oversized, slow and compressed-bomb answers.
 */
import type { ServerResponse } from 'node:http';
import { brotliCompressSync } from 'node:zlib';
import { chunked, gzipBomb, reply, startFixtureServer, trickle, type FixtureServer, type Handler } from '../../../test/fakes/http-fixtures.ts';
import type { LookupFn } from '../../../src/sources/http/index.ts';

export const ATTACKER_HOST = 'attacker.test';

/** What the fake DNS answers (the only resolver the campaign's client uses). */
export const FAKE_DNS: Record<string, string[]> = {
  [ATTACKER_HOST]: ['127.0.0.1'],
  localhost: ['127.0.0.1', '::1'],
  'internal.test': ['127.0.0.1'],
  'metadata.test': ['169.254.169.254'],
  'intranet.test': ['10.0.0.5'],
  'mixed.test': ['93.184.216.34', '127.0.0.1'],
  'mixed6.test': ['2606:4700::6810:84e5', 'fd00::5'],
  'mapped.test': ['::ffff:127.0.0.1'],
  'cgnat.test': ['100.64.0.7'],
};

/** Resolves from {@link FAKE_DNS} only; anything else does not exist (no real DNS is asked). */
export const fakeLookup: LookupFn = (hostname) => {
  const addresses = FAKE_DNS[hostname.toLowerCase().replace(/\.$/u, '')];
  if (addresses === undefined) return Promise.reject(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }));
  return Promise.resolve(addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));
};

export interface AbuseServers {
  internal: FixtureServer;
  attacker: FixtureServer;
  /** `http://attacker.test:<port><path>` */
  attackerUrl(path: string): string;
  /** `http://127.0.0.1:<internal port><path>` */
  internalUrl(path: string): string;
  close(): Promise<void>;
}

const SECRET = '<html><head><title>internal admin</title></head><body><p>Secret internal page with 42 passwords.</p></body></html>';

/** Writes raw bytes one at a time, `everyMs` apart, straight to the socket (headers included). */
function trickleRaw(text: string, everyMs: number): Handler {
  return (req, _res) => {
    const socket = req.socket;
    let i = 0;
    const timer = setInterval(() => {
      if (socket.destroyed) {
        clearInterval(timer);
        return;
      }
      socket.write(text.charAt(i % text.length));
      i++;
    }, everyMs);
    socket.on('close', () => clearInterval(timer));
  };
}

/** Where the article links of the attacker's listing page redirect to. */
const STORY_TARGETS: ReadonlyArray<(port: number) => string> = [
  (port) => `http://127.0.0.1:${String(port)}/secret`,
  (port) => `http://[::1]:${String(port)}/secret`,
  (port) => `http://0x7f.1:${String(port)}/secret`,
  (port) => `http://internal.test:${String(port)}/secret`,
  () => 'http://169.254.169.254/latest/meta-data/',
  () => 'http://10.0.0.5/',
];

function redirect(status: number, location: string): Handler {
  return (_req, res: ServerResponse) => res.writeHead(status, { location }).end();
}

/** Options for the attacker's resource-abuse answers. */
export interface AttackerSizes {
  /** Zero bytes inside the gzip and brotli bombs. */
  bombBytes: number;
  /** Bytes of the oversized chunked body. */
  bodyBytes: number;
}

export async function startAbuseServers(sizes: AttackerSizes): Promise<AbuseServers> {
  const internal = await startFixtureServer({ '/secret': reply(SECRET), '/feed': reply(SECRET), '/latest/meta-data/': reply('iam-role') });
  const routes: Record<string, Handler> = {};
  const attacker = await startFixtureServer(routes);
  const attackerUrl = (path: string): string => `http://${ATTACKER_HOST}:${String(attacker.port)}${path}`;
  const internalUrl = (path: string): string => internal.url(path);
  const secret = internalUrl('/secret');
  const rss = (links: string[]): string => `<?xml version="1.0"?><rss version="2.0"><channel><title>Attacker feed</title>${links
    .map((l, i) => `<item><title>Item ${String(i)}</title><link>${l}</link><guid>g${String(i)}</guid></item>`).join('')}</channel></rss>`;
  const gzipped = gzipBomb(sizes.bombBytes);
  const brotli = brotliCompressSync(Buffer.alloc(sizes.bombBytes));
  Object.assign(routes, {
    '/r301': redirect(301, secret),
    '/r302': redirect(302, secret),
    '/r303': redirect(303, 'http://169.254.169.254/latest/meta-data/'),
    '/r307': redirect(307, secret),
    '/r308': redirect(308, secret),
    '/r-name': redirect(302, `http://internal.test:${String(internal.port)}/secret`),
    '/r-ipv6': redirect(302, `http://[::1]:${String(internal.port)}/secret`),
    '/r-decimal': redirect(302, `http://2130706433:${String(internal.port)}/secret`),
    '/r-scheme-relative': redirect(302, `//127.0.0.1:${String(internal.port)}/secret`),
    '/r-file': redirect(302, 'file:///etc/passwd'),
    '/r-credentials': redirect(302, `http://admin:admin@127.0.0.1:${String(internal.port)}/secret`),
    '/hop1': redirect(302, attackerUrl('/hop2')),
    '/hop2': redirect(301, attackerUrl('/r307')),
    '/loop': redirect(302, attackerUrl('/loop')),
    '/announce': reply(`<html><head><title>Attacker home</title><link rel="alternate" type="application/rss+xml" href="${internalUrl('/feed')}"></head><body><p>Hello.</p></body></html>`),
    '/feed-internal': reply(rss([secret, 'http://169.254.169.254/latest/meta-data/', `http://internal.test:${String(internal.port)}/secret`]), { 'content-type': 'application/rss+xml' }),
    // Listing pages only yield same-site article links: each of these redirects to an internal target.
    '/listing-internal': reply(`<html><head><title>Attacker news</title></head><body><ul>${STORY_TARGETS
      .map((_t, i) => `<li><a href="/news/harbor-story-${String(i)}">Breaking story number ${String(i)} about the harbor</a></li>`).join('')}</ul></body></html>`),
    ...Object.fromEntries(STORY_TARGETS.map((target, i) => [`/news/harbor-story-${String(i)}`, redirect(302, target(internal.port))])),
    '/big-headers': (_req, res: ServerResponse) => res.writeHead(200, { 'content-type': 'text/html', 'x-filler': 'a'.repeat(64 * 1024) }).end('<p>x</p>'),
    '/big-declared': (_req, res: ServerResponse) => res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50 * 1024 * 1024) }).end(),
    '/big-chunked': chunked(sizes.bodyBytes),
    '/slow-headers': trickleRaw('HTTP/1.1 200 OK\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 50),
    '/slow-body': trickle(50),
    '/silent': () => undefined,
    '/gzip-bomb': reply(gzipped, { 'content-type': 'text/html', 'content-encoding': 'gzip' }),
    '/br-bomb': reply(brotli, { 'content-type': 'text/html', 'content-encoding': 'br' }),
  } satisfies Record<string, Handler>);
  return {
    internal, attacker, attackerUrl, internalUrl,
    async close() {
      await Promise.all([internal.close(), attacker.close()]);
    },
  };
}
