/**
 * The operator endpoints on the real composition: loadConfig with
 * METRICS_PORT=0, createRuntime (real SQLite file, the guarded HTTP client,
 * the bot, prom-client, the ops server on 127.0.0.1). A poll against feeds on
 * a fixture server, a missed scheduled run delivered (and a gone channel
 * failing) to a recording publisher, and commands through ChatCore must move
 * the numbers scraped from /metrics; /healthz follows the bot and the store.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime, type Runtime } from '../../../adapters/runtime.ts';
import { DigestError, loadConfig, silentLogger, type Message, type MessagePublisher } from '../../../src/index.ts';
import { reply, startFixtureServer, type FixtureServer, type Handler } from '../../fakes/http-fixtures.ts';
import { parseExposition, sampleValue, type Sample } from '../../helpers/exposition.ts';

const root = resolve(import.meta.dirname, '..', '..', '..');
const WS = 'console:local';

let pages: FixtureServer;
let runtime: Runtime;
let dir: string;
let base: string;
const posts: { channel: string; message: Message }[] = [];

/** Posts to console:main; console:gone is a channel that no longer exists. */
const publisher: MessagePublisher = {
  publish(channel, message) {
    if (channel === 'console:gone') return Promise.reject(new DigestError('publish/channel-missing', 'Unknown Channel'));
    posts.push({ channel, message });
    return Promise.resolve({ ref: `m${String(posts.length)}` });
  },
};

beforeAll(async () => {
  const routes: Record<string, Handler> = {};
  pages = await startFixtureServer(routes);
  routes['/rss'] = reply(`<?xml version="1.0"?><rss version="2.0"><channel><title>Ledger Daily</title>
    <item><title>Harbor Foods update</title><guid>h1</guid><description>Harbor Foods raised its outlook.</description></item></channel></rss>`,
  { 'content-type': 'application/rss+xml' });
  routes['/broken'] = reply('upstream trouble', { 'content-type': 'text/plain' }, 500);

  dir = mkdtempSync(join(tmpdir(), 'ops-'));
  // One definition, scheduled (UTC) a minute ago, posting to a live and a gone channel.
  const minute = new Date(Date.now() - 60_000);
  const digestsDir = join(dir, 'digests');
  mkdirSync(digestsDir);
  writeFileSync(join(digestsDir, 'ops.json'), JSON.stringify({
    name: 'ops', title: 'Ops digest', workspace: WS, channels: ['console:main', 'console:gone'],
    sources: [{ type: 'folder', name: 'Samples', path: join(root, 'digests', 'samples') }],
    schedule: { cron: `${String(minute.getUTCMinutes())} ${String(minute.getUTCHours())} * * *`, timezone: 'UTC' },
  }));
  const config = loadConfig({ DATA_DIR: join(dir, 'data'), DIGESTS_DIR: digestsDir, METRICS_PORT: '0', FETCH_ALLOW_PRIVATE_HOSTS: '127.0.0.1' });
  runtime = await createRuntime({ projectRoot: root, cwd: dir, config, logger: silentLogger, pollTickMs: 0 });
  if (runtime.ops === null) throw new Error('METRICS_PORT=0 must start the ops server');
  base = runtime.ops.url;
}, 30_000);

afterAll(async () => {
  await runtime.close();
  await pages.close();
  rmSync(dir, { recursive: true, force: true });
});

async function scrape(): Promise<Sample[]> {
  const res = await fetch(`${base}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
  return parseExposition(await res.text());
}

async function health(): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${base}/healthz`);
  expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const ask = (command: string, args: string[], isAdmin: boolean): Promise<Message> =>
  runtime.bot.core.run({ workspaceId: WS, userId: 'console:operator', isAdmin, channelId: 'console:main', command, args });

describe('the ops server on the real runtime', () => {
  it('given METRICS_PORT=0, then it listens on loopback; before the bot starts, /healthz is 503 and /metrics has no events yet', async () => {
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/u);
    expect(await health()).toEqual({ status: 503, body: { status: 'unavailable', reason: 'the bot is not running (starting up or stopped)' } });
    const s = await scrape();
    expect(sampleValue(s, 'digestbot_sources', { state: 'ok' })).toBe(0);
    expect(s.filter((x) => x.name.startsWith('digestbot_') && x.name !== 'digestbot_sources')).toEqual([]);
    expect(sampleValue(s, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('given a missed run, a poll and commands, then /metrics counts the posts, failures, fetches, sources and commands', async () => {
    const at = new Date().toISOString();
    await runtime.store.sources.add({ workspaceId: WS, name: 'Ledger', url: pages.url('/rss'), type: 'rss', addedBy: 'console:operator' }, at);
    await runtime.store.sources.add({ workspaceId: WS, name: 'Broken', url: pages.url('/broken'), type: 'rss', addedBy: 'console:operator' }, at);
    // The bot was last alive ten minutes ago, so the run a minute ago was missed and is posted late.
    await runtime.store.state.set('alive_at', new Date(Date.now() - 10 * 60_000).toISOString());
    runtime.bot.addPublisher('console', publisher);
    expect(await runtime.bot.start()).toBe(1);
    expect(await runtime.bot.pollDue()).toBe(2);
    await ask('help', [], false);
    await ask('sources', ['list'], true);
    await ask('sources', ['add', pages.url('/rss')], false);
    await ask('sources', ['remove', 'no-such-source'], true);

    expect(posts.map((p) => p.channel)).toEqual(['console:main']);
    expect(posts[0]?.message.subtitle).toContain('late: scheduled for');
    const s = await scrape();
    expect(sampleValue(s, 'digestbot_digests_posted_total', { platform: 'console', late: 'true' })).toBe(1);
    expect(sampleValue(s, 'digestbot_digests_posted_total', { platform: 'console', late: 'false' })).toBeUndefined();
    expect(sampleValue(s, 'digestbot_delivery_failures_total', { platform: 'console', kind: 'permanent', code: 'publish/channel-missing' })).toBe(1);
    expect(sampleValue(s, 'digestbot_source_fetch_duration_seconds_count', { type: 'rss', outcome: 'ok' })).toBe(1);
    expect(sampleValue(s, 'digestbot_source_fetch_duration_seconds_count', { type: 'rss', outcome: 'error' })).toBe(1);
    expect(sampleValue(s, 'digestbot_source_fetch_duration_seconds_bucket', { type: 'rss', outcome: 'ok', le: '+Inf' })).toBe(1);
    expect(sampleValue(s, 'digestbot_source_fetch_errors_total', { code: 'fetch/http-status' })).toBe(1);
    expect(sampleValue(s, 'digestbot_sources', { state: 'ok' })).toBe(1);
    expect(sampleValue(s, 'digestbot_sources', { state: 'failing' })).toBe(1);
    expect(sampleValue(s, 'digestbot_sources', { state: 'paused' })).toBe(0);
    expect(sampleValue(s, 'digestbot_command_duration_seconds_count', { command: 'help', outcome: 'ok' })).toBe(1);
    expect(sampleValue(s, 'digestbot_command_duration_seconds_count', { command: 'sources list', outcome: 'ok' })).toBe(1);
    expect(sampleValue(s, 'digestbot_command_duration_seconds_count', { command: 'sources add', outcome: 'refused' })).toBe(1);
    expect(sampleValue(s, 'digestbot_command_duration_seconds_count', { command: 'sources remove', outcome: 'error' })).toBe(1);
    // No label carries a URL or an id.
    for (const sample of s) for (const value of Object.values(sample.labels)) expect(value).not.toMatch(/127\.0\.0\.1|console:|operator/u);
  });

  it('given the bot running, then /healthz is 200 with the last sign of life', async () => {
    const { status, body } = await health();
    expect(status).toBe(200);
    expect(body['status']).toBe('ok');
    expect(Date.parse(String(body['aliveAt']))).toBeGreaterThan(Date.now() - 60_000);
  });

  it('given other methods and paths, then 405 with Allow, 404, and HEAD without a body', async () => {
    const post = await fetch(`${base}/metrics`, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    expect((await fetch(`${base}/`)).status).toBe(404);
    expect((await fetch(`${base}/metrics/../admin`)).status).toBe(404);
    const head = await fetch(`${base}/healthz`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await fetch(`${base}/metrics?name[]=x`)).status).toBe(200);
  });

  it('given the bot stopped, then the store closed, then /healthz says 503 with each reason and /metrics still answers', async () => {
    await runtime.bot.stop();
    expect(await health()).toMatchObject({ status: 503, body: { reason: 'the bot is not running (starting up or stopped)' } });
    await runtime.store.close();
    const { status, body } = await health();
    expect(status).toBe(503);
    expect(String(body['reason'])).toMatch(/^the store does not answer: .*not open/u);
    const s = await scrape();
    expect(s.filter((x) => x.name === 'digestbot_sources')).toEqual([]);
    expect(sampleValue(s, 'digestbot_digests_posted_total', { platform: 'console', late: 'true' })).toBe(1);
  });
});
