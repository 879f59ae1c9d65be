/**
 * The SSRF phase: every attack case through the real core (`bot.core.run`,
 * the dispatcher, the command, the guarded HTTP client with only
 * `attacker.test` allow-listed), watched by the internal server's request
 * log and by the connection spy.
 */
import { createHttpClient, type Message } from '../../../src/index.ts';
import { installConnectSpy, type ConnectAttempt, type ConnectSpy } from './connect-spy.ts';
import { codesSince, startCoreEnv } from './core-env.ts';
import { ATTACKER_HOST, fakeLookup, startAbuseServers, type AbuseServers } from './servers.ts';
import { ATTACK_CASES, type AttackCase } from './ssrf-cases.ts';

export interface AttackRow {
  case: string;
  group: AttackCase['group'];
  command: 'sources add' | 'summarize';
  refused: boolean;
  /** The code(s) behind the refusal and the line the user sees. */
  reason: string;
  ms: number;
  /** Requests that reached the internal server plus connections to anything but the attacker server. */
  ssrf: number;
  /** Whether the refusal came with one of the expected codes. */
  expected: boolean;
}

export interface SsrfOptions {
  quick: boolean;
  /** Total timeout of one fetch. @defaultValue 3000 (quick: 1500) */
  totalTimeoutMs?: number;
}

export interface SsrfResult {
  rows: AttackRow[];
  totalTimeoutMs: number;
  /** Every connection attempt the spy saw to a non-allowed destination. */
  attempts: ConnectAttempt[];
  /** Requests logged by the internal server. */
  internalRequests: string[];
  /**
   * The oracle's self-check: with the guard opened by an allow-list, a request to the internal server and one to a
   * name resolving to 10.0.0.5 must both be seen (internal log and spy). False means the counts above prove nothing.
   */
  oracleWorks: boolean;
}

/** Opens the guard on purpose and checks that the internal log and the spy notice. */
async function oracleSelfCheck(servers: AbuseServers, spy: ConnectSpy): Promise<boolean> {
  const open = createHttpClient({ lookup: fakeLookup, allowPrivateHosts: ['127.0.0.0/8', '10.0.0.0/8'], totalTimeoutMs: 1000, connectTimeoutMs: 500 });
  const internalFrom = servers.internal.requests.length;
  const attemptsFrom = spy.attempts.length;
  const reached = await open.get(servers.internalUrl('/secret')).then(() => true, () => false);
  await open.get('http://intranet.test/').catch(() => undefined);
  return reached && servers.internal.requests.length - internalFrom === 1 && spy.attempts.length - attemptsFrom === 2;
}

const WORKSPACE = 'discord:abuse-guild';

function replyLine(message: Message): string {
  return `${message.title}: ${message.sections[0]?.lines[0] ?? ''}`.replace(/\s+/gu, ' ').slice(0, 140);
}

/** A reply is a success when it is neither a failure, a refusal nor an argument error. */
function isRefusal(message: Message): boolean {
  return message.title === 'Not allowed' || message.title.endsWith(' failed') || message.title === 'Invalid arguments';
}

export async function runSsrfPhase(options: SsrfOptions): Promise<SsrfResult> {
  const totalTimeoutMs = options.totalTimeoutMs ?? (options.quick ? 1500 : 3000);
  const servers = await startAbuseServers({ bombBytes: (options.quick ? 32 : 256) * 1024 * 1024, bodyBytes: 8 * 1024 * 1024 });
  const http = createHttpClient({ lookup: fakeLookup, allowPrivateHosts: [ATTACKER_HOST], totalTimeoutMs, connectTimeoutMs: 1000 });
  const env = startCoreEnv(http);
  const spy = installConnectSpy(
    (address, port) => (address === '127.0.0.1' || address === '::ffff:127.0.0.1') && port === servers.attacker.port,
    { host: '127.0.0.1', port: servers.internal.port },
  );
  const rows: AttackRow[] = [];
  let attempts: ConnectAttempt[] = [];
  let internalRequests: string[] = [];
  let oracleWorks = false;
  try {
    for (const attack of ATTACK_CASES.filter((c) => !options.quick || c.quick === true)) {
      for (const command of attack.commands ?? ['sources add', 'summarize'] as const) {
        const url = attack.url(servers);
        const logFrom = env.logs.length;
        const internalFrom = servers.internal.requests.length;
        const attemptsFrom = spy.attempts.length;
        const started = performance.now();
        const message = await env.bot.core.run({
          workspaceId: WORKSPACE, userId: 'discord:attacker', isAdmin: command === 'sources add', channelId: 'discord:c1',
          command: command === 'sources add' ? 'sources' : 'summarize', args: command === 'sources add' ? ['add', url] : [url],
        });
        const ms = Math.round(performance.now() - started);
        const codes = codesSince(env.logs, logFrom);
        if (message.title === 'Invalid arguments') codes.unshift('args/invalid');
        const ssrf = servers.internal.requests.length - internalFrom + spy.attempts.length - attemptsFrom;
        const expected = attack.expect.some((code) => codes.includes(code));
        const refusedCommand = isRefusal(message);
        // Indirect cases (announced feeds, item links) may add the attacker's own source: what counts is that every internal fetch was refused.
        const refused = ssrf === 0 && expected && (refusedCommand || attack.group === 'announced');
        const distinct = [...new Set(codes)];
        rows.push({ case: attack.name, group: attack.group, command, refused, reason: `${distinct.join(',') || '-'} | ${replyLine(message)}`, ms, ssrf, expected });
      }
    }
    attempts = [...spy.attempts];
    internalRequests = servers.internal.requests.map((r) => r.path);
    oracleWorks = await oracleSelfCheck(servers, spy);
  } finally {
    spy.restore();
    await env.close();
    await servers.close();
  }
  return { rows, totalTimeoutMs, attempts, internalRequests, oracleWorks };
}
