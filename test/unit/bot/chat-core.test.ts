/**
 * The chat core with an in-memory store stand-in: the workspace is recorded, the command dispatched once, its
 * outcome reported with a label that never carries user text, and names completed by prefix.
 */
import { describe, expect, it } from 'vitest';
import { createChatCore } from '../../../src/bot/chat-core.ts';
import type { CommandServices } from '../../../src/commands/services.ts';
import { defineCommand, type Command } from '../../../src/commands/types.ts';
import { silentLogger } from '../../../src/ports.ts';
import { RecordingMetrics } from '../../fakes/recording-metrics.ts';

function core() {
  const upserts: string[] = [];
  const audits: string[] = [];
  const runs: string[][] = [];
  const services = {
    clock: { now: () => new Date('2026-11-20T08:00:00.000Z') }, logger: silentLogger,
    store: {
      workspaces: { upsert: (w: { id: string }) => { upserts.push(w.id); } },
      audit: { append: (e: { action: string; target: string }) => { audits.push(`${e.action} ${e.target}`); } },
      sources: { list: () => [{ name: 'Tagesschau' }, { name: 'taz' }, { name: 'Heise' }] },
    },
    definitions: { list: () => [] },
  } as unknown as CommandServices;
  const echo: Command<CommandServices> = defineCommand({
    name: 'echo', description: 'Echoes its words.', adminOnly: false,
    options: [{ name: 'a', description: 'first', kind: 'text', required: false }, { name: 'b', description: 'second', kind: 'text', required: false }],
    run: (_deps: CommandServices, _ctx, args) => { runs.push(args.map(String)); return Promise.resolve({ title: 'ok', sections: [] }); },
  });
  const admin: Command<CommandServices> = { ...echo, name: 'wipe', adminOnly: true } as Command<CommandServices>;
  const metrics = new RecordingMetrics();
  const chat = createChatCore({ services, commands: [echo, admin], catalog: [], metrics });
  return { chat, upserts, audits, runs, metrics };
}

const request = (command: string, args: string[], isAdmin = false) => ({ workspaceId: 'slack:T1', userId: 'slack:U1', isAdmin, channelId: 'slack:C1', command, args });

describe('createChatCore', () => {
  it('given a command, then the workspace is recorded, the command runs once and its outcome is reported under its name', async () => {
    const { chat, upserts, runs, metrics } = core();
    await chat.run(request('ECHO', ['a', 'b']));
    expect(upserts).toEqual(['slack:T1']);
    expect(runs).toHaveLength(1);
    expect(metrics.of('command')).toEqual([expect.objectContaining({ command: 'echo', outcome: 'ok' })]);
  });

  it('given an admin command from a member, then it is refused, audited, and reported as refused', async () => {
    const { chat, audits, runs, metrics } = core();
    await chat.run(request('wipe', []));
    expect(runs).toEqual([]);
    expect(audits).toEqual(['refused wipe']);
    expect(metrics.of('command')).toEqual([expect.objectContaining({ command: 'wipe', outcome: 'refused' })]);
  });

  it('given an unknown command, then its label is "unknown", never the typed text', async () => {
    const { chat, metrics } = core();
    await chat.run(request('drop-table-students', []));
    expect(metrics.of('command')).toEqual([expect.objectContaining({ command: 'unknown', outcome: 'invalid' })]);
  });

  it('given a source prefix, then the matching names are completed, case-insensitively', async () => {
    const { chat } = core();
    expect(await chat.complete('slack:T1', 'source', 'T')).toEqual(['Tagesschau', 'taz']);
  });
});
