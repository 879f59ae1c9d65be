import { describe, expect, it } from 'vitest';
import { startDiscordAdapter } from '../../../adapters/discord/start-discord.ts';
import { DigestError } from '../../../src/index.ts';
import { createFakeChatCore } from '../../fakes/fake-chat-core.ts';
import { startFakeDiscord } from '../../fakes/discord/fake-discord.ts';
import { recordingLogger, startDiscordHarness, type LogEntry } from '../../fakes/discord/harness.ts';

const GUILDS_INTENT = 1;

describe('Discord adapter lifecycle', () => {
  it('given a start, then the client identifies with the Guilds intent only, answers heartbeats, and stops cleanly', async () => {
    const h = await startDiscordHarness();
    try {
      const identify = h.fake.gateway.received.find((f) => f.op === 2);
      expect((identify?.d as { intents?: number } | undefined)?.intents).toBe(GUILDS_INTENT);
      const before = h.fake.gateway.received.filter((f) => f.op === 1).length;
      h.fake.gateway.requestHeartbeat();
      await expect.poll(() => h.fake.gateway.received.filter((f) => f.op === 1).length, { timeout: 2000 }).toBe(before + 1);
      expect(h.fake.gateway.identifiedSessions).toBe(1);
      await h.adapter.stop();
      await expect.poll(() => h.fake.gateway.identifiedSessions, { timeout: 2000 }).toBe(0);
    } finally {
      await h.close();
    }
    expect(h.logs.map((l) => l.msg).slice(0, 2)).toEqual(['discord adapter ready', 'discord adapter stopped']);
  });

  it('given a token Discord rejects, then start fails with a DigestError and leaves nothing running', async () => {
    const fake = await startFakeDiscord({ token: 'right' });
    const logs: LogEntry[] = [];
    try {
      const start = startDiscordAdapter({
        config: { token: 'wrong', applicationId: fake.applicationId, apiUrl: fake.apiUrl },
        core: createFakeChatCore(), logger: recordingLogger(logs), adminUserIds: [],
      });
      await expect(start).rejects.toBeInstanceOf(DigestError);
      await expect(start).rejects.toMatchObject({ code: 'config/invalid' });
      expect(fake.gateway.identifiedSessions).toBe(0);
      expect(logs.filter((l) => l.level === 'error').map((l) => l.msg)).toEqual(['discord login failed']);
      expect(JSON.stringify(logs)).not.toContain('wrong');
    } finally {
      await fake.close();
    }
  });
});
