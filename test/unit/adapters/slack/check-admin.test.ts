/** The Slack admin check: the admin list, users.info flags, the 5-minute cache, failures. */
import { describe, expect, it } from 'vitest';
import { createSlackAdminCheck, type SlackUserFlags } from '../../../../adapters/slack/check-admin.ts';

function setup(users: Record<string, SlackUserFlags | Error>, adminUserIds: string[] = []) {
  const lookups: string[] = [];
  let now = 1_000_000;
  const check = createSlackAdminCheck({
    adminUserIds,
    now: () => now,
    lookUp: (user) => {
      lookups.push(user);
      const answer = users[user];
      if (answer === undefined) return Promise.reject(new Error('user_not_found'));
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
    },
  });
  return { check, lookups, advance: (ms: number) => { now += ms; } };
}

describe('createSlackAdminCheck', () => {
  it('given admin, owner or primary owner flags, then the user is admin; a plain member is not', async () => {
    const { check } = setup({ UA: { is_admin: true }, UO: { is_owner: true }, UP: { is_primary_owner: true }, UM: { is_admin: false } });
    expect(await Promise.all(['UA', 'UO', 'UP', 'UM'].map((u) => check('T1', u)))).toEqual([true, true, true, false]);
  });

  it('given a user on the admin list, then they are admin without a lookup', async () => {
    const { check, lookups } = setup({}, ['slack:ULIST', 'discord:ULIST2']);
    expect(await check('T1', 'ULIST')).toBe(true);
    await expect(check('T1', 'ULIST2')).rejects.toThrow('user_not_found');
    expect(lookups).toEqual(['ULIST2']);
  });

  it('given repeated checks, then Slack is asked once per user and workspace for 5 minutes, then again', async () => {
    const { check, lookups, advance } = setup({ UM: {} });
    await Promise.all([check('T1', 'UM'), check('T1', 'UM')]);
    advance(4 * 60_000);
    await check('T1', 'UM');
    await check('T2', 'UM');
    expect(lookups).toEqual(['UM', 'UM']);
    advance(60_000);
    await check('T1', 'UM');
    expect(lookups).toEqual(['UM', 'UM', 'UM']);
  });

  it('given a failed lookup, then the check rejects and the next check asks again', async () => {
    const users: Record<string, SlackUserFlags | Error> = { UA: new Error('ratelimited') };
    const { check, lookups } = setup(users);
    await expect(check('T1', 'UA')).rejects.toThrow('ratelimited');
    users['UA'] = { is_admin: true };
    expect(await check('T1', 'UA')).toBe(true);
    expect(lookups).toEqual(['UA', 'UA']);
  });
});
