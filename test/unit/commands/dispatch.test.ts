/** Command dispatch: lookup, admin check, argument validation, error replies. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { dispatchCommand, parseCommandLine } from '../../../src/commands/dispatch.ts';
import type { Command, CommandContext } from '../../../src/commands/types.ts';
import { DigestError } from '../../../src/errors.ts';
import { silentLogger } from '../../../src/ports.ts';

interface Deps { added: string[] }

const add: Command<Deps> = {
  name: 'add', description: 'adds', adminOnly: true, args: z.tuple([z.url()]),
  run: (deps, _ctx, [url]) => {
    deps.added.push(String(url));
    return Promise.resolve({ title: 'added', sections: [] });
  },
};
const boom: Command<Deps> = {
  name: 'boom', description: 'fails', adminOnly: false, args: z.tuple([]),
  run: () => Promise.reject(new Error('database password is hunter2')),
};
const tell: Command<Deps> = {
  name: 'tell', description: 'fails for the user', adminOnly: false, args: z.tuple([]),
  run: () => Promise.reject(new DigestError('command/invalid', 'no digest is defined yet')),
};

const member: CommandContext = { workspaceId: 'w', userId: 'u', isAdmin: false, channelId: null };
const admin: CommandContext = { ...member, isAdmin: true };

async function say(ctx: CommandContext, text: string, deps: Deps = { added: [] }): Promise<string> {
  const m = await dispatchCommand([add, boom, tell], { ...deps, logger: silentLogger }, ctx, text);
  return [m.title, ...m.sections.flatMap((s) => s.lines)].join(' | ');
}

describe('dispatchCommand', () => {
  it('given a member running an admin command, then it is refused by name and nothing happens', async () => {
    const deps = { added: [] as string[] };
    expect(await say(member, '/add https://example.org/feed', deps)).toBe('Not allowed | Only server managers (Discord) and workspace admins (Slack) can use /add.');
    expect(deps.added).toEqual([]);
  });

  it('given an admin with valid arguments, then the command runs', async () => {
    const deps = { added: [] as string[] };
    expect(await say(admin, '/add https://example.org/feed', deps)).toBe('added');
    expect(deps.added).toEqual(['https://example.org/feed']);
  });

  it('given invalid arguments, then the reply says what is wrong', async () => {
    expect(await say(admin, '/add not-a-url')).toMatch(/^\/add \| Invalid arguments: .*URL/iu);
  });

  it('given an internal failure, then the reply hides its details', async () => {
    const reply = await say(member, '/boom');
    expect(reply).not.toContain('hunter2');
    expect(reply).toContain('details are in the log');
  });

  it('given a user-facing failure, then its message is the reply', async () => {
    expect(await say(member, '/tell')).toBe('/tell failed | no digest is defined yet');
  });

  it('given unknown input, then it points to /help', async () => {
    expect(await say(member, '/nope')).toContain('try /help');
    expect(await say(member, 'hello')).toContain('try /help');
    expect(parseCommandLine('  /Digest  morning ')).toEqual({ name: 'digest', words: ['morning'] });
  });
});
