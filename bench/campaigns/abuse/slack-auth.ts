/**
 * Slack request authenticity: forged, stale, tampered and replayed slash
 * commands sent to the real Bolt HTTP receiver. Each must be answered 401
 * with nothing dispatched to the core.
 */
import { signedSlashCommand, type SignedRequest } from '../../../test/fakes/slack/signed-request.ts';
import { SIGNING_SECRET, startSlackHarness } from '../../../test/integration/slack/harness.ts';
import type { CoreEnv } from './core-env.ts';
import { useRealCore } from './platforms.ts';

export type ForgeryKind = 'unsigned' | 'wrong secret' | 'stale timestamp (6 min)' | 'body modified after signing' | 'replay within 5 min';

export interface ForgeryRow {
  kind: ForgeryKind;
  status: number;
  /** Core requests caused by the forged request (must be 0). */
  dispatched: number;
  rejected: boolean;
  ms: number;
}

export interface SlackAuthResult {
  rows: ForgeryRow[];
  /** The genuine request sent before its replay was accepted and dispatched (the control). */
  genuineAccepted: boolean;
}

const ADMIN = { id: 'UADMIN', name: 'admin', isAdmin: true };

export async function runSlackAuthenticity(env: CoreEnv): Promise<SlackAuthResult> {
  const h = await startSlackHarness({ users: [ADMIN] });
  useRealCore(h.core, env.bot.core);
  const eventsUrl = `http://127.0.0.1:${String(h.adapter.port ?? 0)}/slack/events`;
  const post = async (request: SignedRequest): Promise<{ status: number; ms: number }> => {
    const started = performance.now();
    const res = await fetch(eventsUrl, { method: 'POST', headers: request.headers, body: request.body });
    await res.text();
    return { status: res.status, ms: Math.round(performance.now() - started) };
  };
  const sign = (id: string, options: { wrongSignature?: boolean; ageSeconds?: number } = {}): SignedRequest =>
    signedSlashCommand({ text: 'sources list', responseUrl: h.api.responseUrl(id), userId: ADMIN.id }, { signingSecret: SIGNING_SECRET, ...options });

  const forgeries: { kind: ForgeryKind; request: () => SignedRequest }[] = [
    {
      kind: 'unsigned',
      request: () => {
        const { body } = sign('unsigned');
        return { body, headers: { 'content-type': 'application/x-www-form-urlencoded' } };
      },
    },
    { kind: 'wrong secret', request: () => sign('wrong', { wrongSignature: true }) },
    { kind: 'stale timestamp (6 min)', request: () => sign('stale', { ageSeconds: 360 }) },
    {
      kind: 'body modified after signing',
      request: () => {
        const signed = sign('modified');
        return { ...signed, body: signed.body.replace('sources+list', 'sources+remove+Heise') };
      },
    },
  ];
  const rows: ForgeryRow[] = [];
  let genuineAccepted = false;
  try {
    for (const forgery of forgeries) {
      const before = h.core.requests.length;
      const { status, ms } = await post(forgery.request());
      const dispatched = h.core.requests.length - before;
      rows.push({ kind: forgery.kind, status, dispatched, rejected: status === 401 && dispatched === 0, ms });
    }
    const genuine = sign('genuine');
    const first = await post(genuine);
    await h.api.waitFor(() => h.core.requests.length > 0, 5000).catch(() => undefined);
    genuineAccepted = first.status === 200 && h.core.requests.length === 1;
    const before = h.core.requests.length;
    const replay = await post(genuine);
    // Give a wrongly accepted replay the time to reach the core before counting.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const dispatched = h.core.requests.length - before;
    rows.push({ kind: 'replay within 5 min', status: replay.status, dispatched, rejected: replay.status === 401 && dispatched === 0, ms: replay.ms });
  } finally {
    await h.close();
  }
  return { rows, genuineAccepted };
}
