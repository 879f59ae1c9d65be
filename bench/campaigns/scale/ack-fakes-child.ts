/**
 * The platform side of the ack benchmark, in its own process so that only the
 * bot's work is on the bot's event loop: the fake Discord (REST + gateway)
 * or the fake Slack Web API plus the load generator that sends signed slash
 * commands. It measures each ack on its own clock and sends the times back.
 *
 * Protocol (IPC): child → {ready: info}; parent → {burst: {n, ...}};
 * child → {latencies, replies}; parent disconnects → the child closes and exits.
 */
import { Agent, request } from 'node:http';
import { pathToFileURL } from 'node:url';
import { snowflake, startFakeDiscord, type DispatchedInteraction } from '../../../test/fakes/discord/fake-discord.ts';
import { startFakeSlackApi } from '../../../test/fakes/slack/fake-slack-api.ts';
import { signedSlashCommand } from '../../../test/fakes/slack/signed-request.ts';

export interface DiscordFakeInfo { platform: 'discord'; apiUrl: string; applicationId: string; guildId: string; memberId: string }
export interface SlackFakeInfo { platform: 'slack'; apiUrl: string }
export type FakeInfo = DiscordFakeInfo | SlackFakeInfo;

export interface Burst {
  /** Commands sent at once (after one warm-up command that is not counted). */
  n: number;
  /** Discord: the command and its string options. */
  command?: string;
  options?: Record<string, string>;
  /** Slack: the events URL of the bot, the signing secret and the command text. */
  eventsUrl?: string;
  signingSecret?: string;
  text?: string;
}

export interface BurstResult {
  /** Time to ack of each counted command, ms, in send order. */
  latencies: number[];
  /** Commands whose final reply (Discord edit, Slack response_url post) arrived. */
  replies: number;
  /** Commands not acked (non-204 callback, non-200 response). */
  failedAcks: number;
  /** Discord: when each command was written to the gateway, ms since the epoch (to line up with the bot's clock). */
  sentAtEpoch?: number[];
}

async function discordChild(send: (m: unknown) => void): Promise<void> {
  const guildId = snowflake();
  const memberId = snowflake();
  const fake = await startFakeDiscord({ token: 'scale-token', guilds: [{ id: guildId, channels: [{ id: snowflake() }], members: [{ id: memberId, permissions: '0' }] }] });
  process.on('message', (m) => {
    const burst = (m as { burst?: Burst }).burst;
    if (burst === undefined) return;
    void (async () => {
      const dispatch = (): DispatchedInteraction => fake.dispatchInteraction({ command: burst.command ?? 'help', userId: memberId, ...(burst.options === undefined ? {} : { options: burst.options }) });
      const warm = dispatch();
      await warm.callback(30_000);
      await warm.edit(30_000);
      const sent = Array.from({ length: burst.n }, dispatch);
      const calls = await Promise.all(sent.map((s) => s.callback(30_000)));
      const edits = await Promise.allSettled(sent.map((s) => s.edit(120_000)));
      const result: BurstResult = {
        latencies: calls.map((c, i) => c.time - (sent[i]?.sentAt ?? c.time)),
        replies: edits.filter((e) => e.status === 'fulfilled').length,
        failedAcks: calls.filter((c) => c.status !== 204).length,
        sentAtEpoch: sent.map((s) => performance.timeOrigin + s.sentAt),
      };
      send({ result });
    })().catch((err: unknown) => send({ error: String(err) }));
  });
  process.once('disconnect', () => {
    void fake.close().then(() => process.exit(0));
  });
  send({ ready: { platform: 'discord', apiUrl: fake.apiUrl, applicationId: fake.applicationId, guildId, memberId } satisfies DiscordFakeInfo });
}

async function slackChild(send: (m: unknown) => void): Promise<void> {
  const api = await startFakeSlackApi();
  process.on('message', (m) => {
    const burst = (m as { burst?: Burst }).burst;
    if (burst === undefined) return;
    void (async () => {
      const url = new URL(burst.eventsUrl ?? '');
      // Bodies are signed before the clock starts, and node:http (lighter than fetch) sends them, so the
      // times are the bot's and not the load generator's.
      const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
      const signed = (id: string) => signedSlashCommand({ text: burst.text ?? 'help', responseUrl: api.responseUrl(id) }, { signingSecret: burst.signingSecret ?? '' });
      const post = (req: ReturnType<typeof signed>): Promise<{ status: number; ms: number }> => new Promise((resolve, reject) => {
        const started = performance.now();
        const r = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent, headers: { ...req.headers, 'content-length': Buffer.byteLength(req.body) } }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
        });
        r.on('error', reject);
        r.end(req.body);
      });
      const before = api.responses.length;
      await post(signed('warm-up'));
      await api.waitFor(() => api.responses.length > before, 30_000);
      const start = api.responses.length;
      const requests = Array.from({ length: burst.n }, (_, i) => signed(`b${String(i)}`));
      const results = await Promise.all(requests.map(post));
      await api.waitFor(() => api.responses.length >= start + burst.n, 120_000).catch(() => undefined);
      agent.destroy();
      const result: BurstResult = {
        latencies: results.map((r) => r.ms),
        replies: api.responses.length - start,
        failedAcks: results.filter((r) => r.status !== 200).length,
      };
      send({ result });
    })().catch((err: unknown) => send({ error: String(err) }));
  });
  process.once('disconnect', () => {
    void api.close().then(() => process.exit(0));
  });
  send({ ready: { platform: 'slack', apiUrl: api.apiUrl } satisfies SlackFakeInfo });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href && process.send !== undefined) {
  const send = (m: unknown): void => {
    process.send?.(m);
  };
  if (process.argv[2] === 'slack') await slackChild(send);
  else await discordChild(send);
}
