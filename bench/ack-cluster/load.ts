/**
 * The load generator of the ack-cluster benchmark: signed slash commands as Discord (Ed25519 over timestamp +
 * body) and Slack (HMAC-SHA256 with the signing secret) send them, signed before the clock starts and sent with
 * node:http over keep-alive sockets; each is timed from its write to the complete HTTP response (the ack).
 */
import type { Agent} from 'node:http';
import { request } from 'node:http';
import { sign, type KeyObject } from 'node:crypto';
import { commandPayload } from '../../test/fakes/discord/signed-interaction.ts';
import { signedSlashCommand } from '../../test/fakes/slack/signed-request.ts';

export interface SignedPost {
  url: string;
  headers: Record<string, string>;
  body: string;
  /** The follow-up to wait for: the Discord interaction token or the Slack response id. */
  replyId: string;
}

export interface Ack {
  status: number;
  ms: number;
}

export interface AckFigures {
  commands: number;
  acked: number;
  replies: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface DiscordTarget { applicationId: string; guildId: string; channelId: string; userId: string; privateKey: KeyObject }

/** Which command is sent: `/digest scale-news` (a folder digest: real follow-up work) or `/help` (almost none). */
export type BenchCommand = 'digest' | 'help';

/** The command as an interaction for the endpoint at `url`, signed now. */
export function discordCommand(url: string, target: DiscordTarget, command: BenchCommand): SignedPost {
  const { token, payload } = commandPayload({ ...target, command, options: command === 'digest' ? { digest: 'scale-news' } : {} });
  const body = JSON.stringify(payload);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = sign(null, Buffer.from(timestamp + body, 'utf8'), target.privateKey).toString('hex');
  return { url, body, replyId: token, headers: { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp } };
}

let slackSeq = 0;

/** The command as a Slack slash command for the receiver at `url`, signed now; its reply goes to `responseUrl(id)`. */
export function slackCommand(url: string, command: BenchCommand, slack: { signingSecret: string; teamId: string; responseUrl: (id: string) => string }): SignedPost {
  const { signingSecret, teamId, responseUrl } = slack;
  slackSeq += 1;
  const replyId = `ack-${String(slackSeq)}`;
  const signed = signedSlashCommand({ text: command === 'digest' ? 'scale-news' : 'help', teamId, responseUrl: responseUrl(replyId) }, { signingSecret });
  return { url, body: signed.body, headers: signed.headers, replyId };
}

/**
 * Sends one signed request on a connection of its own (as requests through a load balancer arrive; a kept-alive
 * socket the bot closed while idle would fail the request); resolves with its status (0: the connection failed)
 * and the time to the complete response.
 */
export function send(agent: Agent, post: SignedPost): Promise<Ack> {
  const url = new URL(post.url);
  return new Promise((ok) => {
    const started = performance.now();
    const r = request({
      host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent,
      headers: { ...post.headers, 'content-length': String(Buffer.byteLength(post.body)) },
    }, (res) => {
      res.resume();
      res.on('end', () => ok({ status: res.statusCode ?? 0, ms: performance.now() - started }));
    });
    r.on('error', () => ok({ status: 0, ms: performance.now() - started }));
    r.end(post.body);
  });
}

/** The value at quantile q of ascending `sorted` (nearest rank). */
export function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

const round = (ms: number): number => Math.round(ms * 100) / 100;

/** Quantiles of the acks; `acked` counts the responses with the ack status (200 on both platforms). */
export function figures(acks: readonly Ack[], replies: number): AckFigures {
  const ok = acks.filter((a) => a.status === 200);
  const ms = acks.map((a) => a.ms).sort((a, b) => a - b);
  return { commands: acks.length, acked: ok.length, replies, p50Ms: round(quantile(ms, 0.5)), p99Ms: round(quantile(ms, 0.99)), maxMs: round(ms.at(-1) ?? Number.NaN) };
}
