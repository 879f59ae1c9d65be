/**
 * The real Bolt app in HTTP mode against the fake Slack: signed slash
 * commands in, acks and response_url posts out.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ChatRequest } from '../../../src/index.ts';
import { limitViolations, longMessage, unescapeMrkdwn } from '../../fakes/slack/block-kit-checks.ts';
import { slackSignature } from '../../fakes/slack/signed-request.ts';
import { repliesTo, SIGNING_SECRET, startSlackHarness, type SlackHarness } from './harness.ts';

let h: SlackHarness | null = null;

afterEach(async () => {
  await h?.close();
  h = null;
});

const ADMIN = { id: 'UADMIN', isAdmin: true };
const MEMBER = { id: 'UMEMBER' };

function sectionTexts(reply: Record<string, unknown>): string[] {
  return (reply['blocks'] as { type: string; text?: { text: string } }[]).filter((b) => b.type === 'section').map((b) => b.text?.text ?? '');
}

describe('Slack /digest over HTTP', () => {
  it('given a signed /digest, then the 200 ack arrives before the core answers and the response_url receives the blocks', async () => {
    h = await startSlackHarness();
    let release = (): void => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    h.core.respond = async (request) => {
      await gate;
      return { title: 'Morning markets', subtitle: '2024-05-02 · 3 sources', sections: [{ heading: 'ACME', lines: [`args ${request.args.join(',')}`] }] };
    };
    const ack = await h.command('morning-markets', { id: 'ack' });
    expect(ack.status).toBe(200);
    expect(ack.body).toBe('');
    expect(ack.ms).toBeLessThan(3000);
    expect(h.api.responses).toHaveLength(0);
    release();
    await h.api.waitFor(() => repliesTo(h!.api, 'ack').length === 1);
    const [reply] = repliesTo(h.api, 'ack');
    expect(reply).toMatchObject({
      response_type: 'in_channel',
      text: 'Morning markets — 2024-05-02 · 3 sources',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'Morning markets' } },
        { type: 'context', elements: [{ type: 'mrkdwn', text: '2024-05-02 · 3 sources' }] },
        { type: 'section', text: { type: 'mrkdwn', text: '*ACME*\n• args morning-markets' } },
      ],
    });
    expect(h.core.requests).toEqual([{
      workspaceId: 'slack:T0001', userId: 'slack:U0001', isAdmin: false, channelId: 'slack:C0001', command: 'digest', args: ['morning-markets'],
    } satisfies ChatRequest]);
  });

  it('given every subcommand, then each reaches the core as the catalog command with its args', async () => {
    h = await startSlackHarness({ users: [ADMIN] });
    const cases: [string, string, string[]][] = [
      ['', 'digest', []],
      ['morning-markets', 'digest', ['morning-markets']],
      ['summarize <https://example.org/a?x=1&amp;y=2|example.org/a>', 'summarize', ['https://example.org/a?x=1&y=2']],
      ['figures net income  2024', 'figures', ['net income 2024']],
      ['risks supply chain', 'risks', ['supply chain']],
      ['sources add <https://example.org/feed.xml> Example Feed', 'sources', ['add', 'https://example.org/feed.xml', 'Example Feed']],
      ['sources add <https://example.org/feed.xml>', 'sources', ['add', 'https://example.org/feed.xml']],
      ['sources remove Example Feed', 'sources', ['remove', 'Example Feed']],
      ['sources list', 'sources', ['list']],
      ['schedule set morning-markets 30 7 * * 1-5 Europe/Berlin <#C0999|markets>', 'schedule', ['set', 'morning-markets', '30 7 * * 1-5', 'Europe/Berlin', 'slack:C0999']],
      ['schedule set morning-markets "0 18 * * *" UTC', 'schedule', ['set', 'morning-markets', '0 18 * * *', 'UTC']],
      ['schedule show', 'schedule', ['show']],
      ['schedule off morning-markets', 'schedule', ['off', 'morning-markets']],
    ];
    for (const [i, [text]] of cases.entries()) expect((await h.command(text, { id: `c${i}`, userId: ADMIN.id })).status).toBe(200);
    await h.api.waitFor(() => h!.api.responses.length === cases.length);
    const seen = [...h.core.requests].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    const expected = cases.map(([, command, args]) => ({
      workspaceId: 'slack:T0001', userId: `slack:${ADMIN.id}`, isAdmin: command === 'sources' || command === 'schedule', channelId: 'slack:C0001', command, args,
    })).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(seen).toEqual(expected);
  });

  it('given a member running /digest sources add, then the core is asked with isAdmin false and its ephemeral refusal is shown', async () => {
    h = await startSlackHarness({ users: [MEMBER, ADMIN] });
    await h.command('sources add <https://example.org/feed.xml>', { id: 'member', userId: MEMBER.id });
    await h.api.waitFor(() => repliesTo(h!.api, 'member').length === 1);
    const [reply] = repliesTo(h.api, 'member');
    expect(reply?.['response_type']).toBe('ephemeral');
    expect(sectionTexts(reply ?? {}).join('\n')).toContain('Only server managers (Discord) and workspace admins (Slack) can use /sources.');
    expect(h.core.requests).toMatchObject([{ userId: 'slack:UMEMBER', isAdmin: false, command: 'sources' }]);
    h.core.requests.length = 0;
    expect(h.api.callsOf('users.info').map((c) => c.params['user'])).toEqual([MEMBER.id]);

    await h.command('sources add <https://example.org/feed.xml>', { id: 'admin', userId: ADMIN.id });
    await h.api.waitFor(() => repliesTo(h!.api, 'admin').length === 1);
    expect(h.core.requests).toMatchObject([{ userId: 'slack:UADMIN', isAdmin: true, command: 'sources', args: ['add', 'https://example.org/feed.xml'] }]);
    expect(repliesTo(h.api, 'admin')[0]?.['response_type']).toBe('in_channel');
  });

  it('given a user on the admin list, then admin commands pass without asking Slack, and answers are cached', async () => {
    h = await startSlackHarness({ users: [ADMIN], adminUserIds: ['slack:ULISTED'] });
    await h.command('sources list', { id: 'listed', userId: 'ULISTED' });
    await h.command('schedule show', { id: 'a1', userId: ADMIN.id });
    await h.command('sources list', { id: 'a2', userId: ADMIN.id });
    await h.api.waitFor(() => h!.api.responses.length === 3);
    expect(h.core.requests.map((r) => [r.userId, r.isAdmin])).toEqual([['slack:ULISTED', true], ['slack:UADMIN', true], ['slack:UADMIN', true]]);
    expect(h.api.callsOf('users.info')).toHaveLength(1);
  });

  it('given a wrong signature or a timestamp older than 5 minutes, then Bolt answers 401 and the core is never called', async () => {
    h = await startSlackHarness();
    const wrong = await h.command('', { id: 'wrong', sign: { wrongSignature: true } });
    const stale = await h.command('', { id: 'stale', sign: { ageSeconds: 6 * 60 } });
    expect([wrong.status, stale.status]).toEqual([401, 401]);
    const fresh = await h.command('', { id: 'fresh', sign: { ageSeconds: 60 } });
    expect(fresh.status).toBe(200);
    await h.api.waitFor(() => h!.api.responses.length === 1);
    expect(h.api.responses.map((r) => r.id)).toEqual(['fresh']);
    expect(h.core.requests).toHaveLength(1);
  });

  it('given a digest longer than every limit, then it arrives as several payloads, each within the limits, with every line in order', async () => {
    h = await startSlackHarness();
    const message = longMessage();
    h.core.respond = () => message;
    await h.command('', { id: 'long' });
    await h.adapter.stop(); // waits for the command in progress
    const replies = repliesTo(h.api, 'long');
    expect(replies.length).toBeGreaterThan(1);
    expect(replies.length).toBeLessThanOrEqual(5);
    for (const reply of replies) expect(limitViolations(reply)).toEqual([]);
    const all = unescapeMrkdwn(replies.flatMap(sectionTexts).join('\n'));
    let from = 0;
    for (const line of message.sections.flatMap((s) => s.lines).slice(1)) {
      const at = all.indexOf(`• ${line}`, from);
      expect(at, line).toBeGreaterThanOrEqual(from);
      from = at;
    }
  });

  it('given wrong command text, then a clear ephemeral message comes back and the core is not run', async () => {
    h = await startSlackHarness();
    await h.command('summarize not-a-url', { id: 'bad' });
    await h.command('help', { id: 'help' });
    await h.api.waitFor(() => h!.api.responses.length === 2);
    const bad = repliesTo(h.api, 'bad')[0] ?? {};
    expect(bad['response_type']).toBe('ephemeral');
    expect(unescapeMrkdwn(sectionTexts(bad).join('\n'))).toContain('"not-a-url" is not a web address');
    const help = repliesTo(h.api, 'help')[0] ?? {};
    expect(help['response_type']).toBe('ephemeral');
    expect(unescapeMrkdwn(sectionTexts(help).join('\n'))).toContain('/digest sources add <url> [name…]');
    expect(h.core.requests).toEqual([]);
  });

  it('given a core that throws, then the user gets a generic ephemeral reply and the adapter keeps serving', async () => {
    h = await startSlackHarness();
    h.core.respond = () => {
      throw new Error('database password is hunter2');
    };
    await h.command('', { id: 'boom' });
    await h.api.waitFor(() => h!.api.responses.length === 1);
    const reply = repliesTo(h.api, 'boom')[0] ?? {};
    expect(reply['response_type']).toBe('ephemeral');
    expect(JSON.stringify(reply)).not.toContain('hunter2');
    expect(h.logger.lines).toContainEqual(expect.objectContaining({ level: 'error', msg: 'slack command failed' }));
    h.core.respond = () => ({ title: 'fine', sections: [] });
    await h.command('', { id: 'after' });
    await h.api.waitFor(() => repliesTo(h!.api, 'after').length === 1);
  });

  it('given a signed request with a malformed body or a failing response_url, then the adapter answers, logs and keeps serving', async () => {
    h = await startSlackHarness();
    const body = '{"command": "/digest", ';
    const timestamp = Math.floor(Date.now() / 1000);
    const res = await fetch(`http://127.0.0.1:${h.adapter.port ?? 0}/slack/events`, {
      method: 'POST', body,
      headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': slackSignature(SIGNING_SECRET, timestamp, body) },
    });
    expect(res.status).toBe(400);
    h.api.failNext('response_url', { status: 404 });
    await h.command('', { id: 'gone' });
    await h.adapter.stop();
    expect(h.api.responses.map((r) => [r.id, r.status])).toEqual([['gone', 404]]);
    expect(h.logger.lines).toContainEqual(expect.objectContaining({ level: 'warn', msg: 'slack reply failed' }));
    expect(h.core.requests).toHaveLength(1);
  });
});
