/**
 * Regression test from the scale campaign: with many commands at once, the
 * acks of interactions already received must not wait behind the command work
 * of the ones acked before them, so the handler starts the core's work only
 * on the event loop's next turn after the defer.
 */
import type { ChatInputCommandInteraction } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { createInteractionHandler } from '../../../../adapters/discord/handle-interaction.ts';
import { silentLogger } from '../../../../src/index.ts';
import { createFakeChatCore } from '../../../fakes/fake-chat-core.ts';

function fakeInteraction(events: string[]): ChatInputCommandInteraction {
  const interaction = {
    id: 'i1', commandName: 'help', guildId: 'g1', channelId: 'c1', user: { id: 'u1' }, memberPermissions: null,
    deferred: false, replied: false, options: { data: [] },
    isChatInputCommand: () => true, isAutocomplete: () => false, isCommand: () => true,
    deferReply: () => {
      events.push('defer');
      interaction.deferred = true;
      return Promise.resolve();
    },
    editReply: () => {
      events.push('edit');
      return Promise.resolve();
    },
    followUp: () => Promise.resolve(),
  };
  return interaction as unknown as ChatInputCommandInteraction;
}

describe('Discord handler: ack first', () => {
  it('given a deferred command, then the core runs only after a turn of the event loop, and the reply follows', async () => {
    const events: string[] = [];
    const core = createFakeChatCore();
    core.respond = (request) => {
      events.push(`run ${request.command}`);
      return { title: 'ok', sections: [] };
    };
    const done = createInteractionHandler({ core, logger: silentLogger, adminUserIds: [] })(fakeInteraction(events));
    // However many microtasks pass, the core has not started: the loop first serves whatever else is waiting.
    for (let i = 0; i < 20; i++) await Promise.resolve();
    expect(events).toEqual(['defer']);
    await done;
    expect(events).toEqual(['defer', 'run help', 'edit']);
  });
});
