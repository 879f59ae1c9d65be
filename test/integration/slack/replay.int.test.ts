/**
 * Regression: Bolt accepts a validly signed request again within its five
 * minutes; the adapter's replay guard answers the copy 401 and the core never
 * sees it, while a fresh request from the same user still goes through.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { signedSlashCommand, type SignedRequest } from '../../fakes/slack/signed-request.ts';
import { SIGNING_SECRET, startSlackHarness, type SlackHarness } from './harness.ts';

const ADMIN = { id: 'UADMIN', name: 'admin', isAdmin: true };

describe('Slack adapter: replayed requests', () => {
  let h: SlackHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  const post = async (request: SignedRequest): Promise<number> => {
    const res = await fetch(`http://127.0.0.1:${String(h?.adapter.port ?? 0)}/slack/events`, { method: 'POST', headers: request.headers, body: request.body });
    await res.text();
    return res.status;
  };

  it('given a genuine signed request sent twice within five minutes, then the copy gets 401 and is not dispatched', async () => {
    h = await startSlackHarness({ users: [ADMIN] });
    const genuine = signedSlashCommand({ text: 'sources list', responseUrl: h.api.responseUrl('one'), userId: ADMIN.id }, { signingSecret: SIGNING_SECRET });
    expect(await post(genuine)).toBe(200);
    await h.api.waitFor(() => h!.core.requests.length === 1);
    expect(await post(genuine)).toBe(401);
    expect(h.logger.lines.some((l) => l.msg === 'slack request replayed, refused')).toBe(true);

    const fresh = signedSlashCommand({ text: 'sources list', responseUrl: h.api.responseUrl('two'), userId: ADMIN.id }, { signingSecret: SIGNING_SECRET });
    expect(await post(fresh)).toBe(200);
    await h.api.waitFor(() => h!.core.requests.length === 2);
    expect(h.core.requests).toHaveLength(2);
  });

  it('given two copies sent at the same time, then exactly one is dispatched', async () => {
    h = await startSlackHarness({ users: [ADMIN] });
    const genuine = signedSlashCommand({ text: 'sources list', responseUrl: h.api.responseUrl('same'), userId: ADMIN.id }, { signingSecret: SIGNING_SECRET });
    const statuses = await Promise.all([post(genuine), post(genuine)]);
    expect(statuses.sort()).toEqual([200, 401]);
    await h.api.waitFor(() => h!.core.requests.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(h.core.requests).toHaveLength(1);
  });

  it('given a wrongly signed request, then Bolt still answers 401 and a later genuine copy of the body is not taken for a replay', async () => {
    h = await startSlackHarness({ users: [ADMIN] });
    const input = { text: 'sources list', responseUrl: h.api.responseUrl('w'), userId: ADMIN.id };
    expect(await post(signedSlashCommand(input, { signingSecret: SIGNING_SECRET, wrongSignature: true }))).toBe(401);
    expect(await post(signedSlashCommand(input, { signingSecret: SIGNING_SECRET }))).toBe(200);
    await h.api.waitFor(() => h!.core.requests.length === 1);
  });
});
