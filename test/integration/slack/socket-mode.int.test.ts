/**
 * The real Bolt app in Socket Mode against the fake's WebSocket: the app
 * opens the connection with the app token, a slash command arrives as an
 * envelope, the ack carries its envelope id and the reply goes to the
 * response_url.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { slashCommandFields } from '../../fakes/slack/signed-request.ts';
import { repliesTo, startSlackHarness, type SlackHarness } from './harness.ts';

let h: SlackHarness | null = null;

afterEach(async () => {
  await h?.close();
  h = null;
});

describe('Slack /digest over Socket Mode', () => {
  it('given a slash command over the socket, then it is acked with its envelope id and the reply reaches the response_url', async () => {
    h = await startSlackHarness({ mode: 'socket' });
    expect(h.adapter.port).toBeNull();
    expect(h.api.socketConnections()).toBe(1);
    expect(h.api.callsOf('apps.connections.open').map((c) => c.token)).toEqual(['xapp-test-token']);

    const ack = await h.api.sendEnvelope('slash_commands', slashCommandFields({ text: 'figures net income', responseUrl: h.api.responseUrl('sock'), channelId: 'C0042' }));
    expect(ack).toEqual({ envelope_id: 'env-1', payload: {} });
    await h.api.waitFor(() => repliesTo(h!.api, 'sock').length === 1);
    expect(h.core.requests).toEqual([{
      workspaceId: 'slack:T0001', userId: 'slack:U0001', isAdmin: false, channelId: 'slack:C0042', command: 'figures', args: ['net income'],
    }]);
    expect(repliesTo(h.api, 'sock')[0]).toMatchObject({
      response_type: 'in_channel',
      blocks: [{ type: 'header', text: { text: '/figures' } }, { type: 'section', text: { text: '• args: net income' } }],
    });
  });
});
