/**
 * Where the cluster campaign's kills land: each target waits for its moment
 * (a migration under way, the gateway leader, a feed poll or an article page
 * in flight, a post held by the Discord proxy, start-up) and names the
 * instance to kill; `phasesHit` then says, from outside the bot where
 * possible, what that instance was doing when it died.
 */
import { once } from 'node:events';
import type { ClusterDatabase } from './database.ts';
import type { ClusterDiscord } from './discord.ts';
import type { ClusterFeeds } from './feeds.ts';
import type { Cluster, Instance } from './instances.ts';

export const TARGETS = ['leader', 'poll', 'digest', 'post', 'startup', 'random'] as const;
export type Target = (typeof TARGETS)[number];
export const PHASES = ['migration', 'leader', 'poll', 'digest', 'post', 'startup', 'idle'] as const;
export type Phase = (typeof PHASES)[number];

export interface Witnesses {
  db: ClusterDatabase;
  feeds: ClusterFeeds;
  discord: ClusterDiscord;
  cluster: Cluster;
  rand: () => number;
  /** Instance → Date.now() of the last article page it was answered. */
  lastPage: Map<string, number>;
  /** Kills counted under every phase they hit. */
  killsByPhase: Record<Phase, number>;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The first event of `name` on `emitter` within `timeoutMs` (its arguments), or null. */
async function next(emitter: NodeJS.EventEmitter, name: string, timeoutMs: number): Promise<unknown[] | null> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    return await once(emitter, name, { signal });
  } catch {
    return null;
  }
}

const pick = <T>(list: readonly T[], rand: () => number): T => list[Math.floor(rand() * list.length)] ?? (list[0] as T);

/** Waits for the target's moment; returns the instance to kill. */
export async function aim(target: Target, w: Witnesses): Promise<Instance> {
  const { cluster, rand } = w;
  const fallback = (): Instance => pick(cluster.instances, rand);
  switch (target) {
    case 'leader': {
      await sleep(rand() * 1500);
      for (const until = Date.now() + 15_000; Date.now() < until; await sleep(100)) {
        const name = await w.db.leader(w.discord.fake.applicationId);
        const found = name === null ? undefined : cluster.byName(name);
        if (found !== undefined) return found;
      }
      return fallback();
    }
    case 'poll': {
      const event = await next(w.feeds.events, 'feed', 70_000);
      await sleep(rand() * w.feeds.delayMs * 0.5);
      return cluster.byName(String(event?.[0])) ?? fallback();
    }
    case 'digest': {
      const event = await next(w.feeds.events, 'page', 70_000);
      await sleep(rand() * 100);
      return cluster.byName(String(event?.[0])) ?? fallback();
    }
    case 'post': {
      w.discord.hold = rand() < 0.5 ? 'before' : 'after';
      const event = await next(w.discord.events, 'held', 20_000);
      w.discord.hold = 'none';
      if (event === null) return fallback();
      await sleep(rand() * 1000);
      const owner = await w.db.claimOwner(`discord:${String(event[0])}`);
      return (owner === null ? undefined : cluster.byName(owner)) ?? fallback();
    }
    case 'startup': {
      // Killed once, started again, and killed again before it is running.
      const victim = fallback();
      await killRecorded(victim, w, false);
      cluster.restart(victim);
      await victim.child.marker('boot', 10_000);
      await sleep(rand() * 1200);
      return victim;
    }
    case 'random':
      await sleep(rand() * 3000);
      return fallback();
  }
}

/** What `victim` was doing right now (several phases at once is common: the leader also polls). */
export async function phasesHit(victim: Instance, w: Witnesses, postHeldByVictim: boolean): Promise<Phase[]> {
  // What the fakes see first (it changes within milliseconds), then what the database says.
  const hit: Phase[] = [];
  if ((w.feeds.openFeeds.get(victim.name) ?? 0) > 0) hit.push('poll');
  if (Date.now() - (w.lastPage.get(victim.name) ?? 0) < 500) hit.push('digest');
  if (postHeldByVictim && w.discord.heldNow > 0) hit.push('post');
  if (await w.db.migrator() === victim.name) hit.push('migration');
  if (await w.db.leader(w.discord.fake.applicationId) === victim.name) hit.push('leader');
  if (!victim.child.markers.has('running') && !hit.includes('migration')) hit.push('startup');
  return hit.length === 0 ? ['idle'] : hit;
}

/** Notes what `victim` was doing, kills it with SIGKILL and counts the kill under those phases; returns them. */
export async function killRecorded(victim: Instance, w: Witnesses, postHeldByVictim: boolean): Promise<Phase[]> {
  const hit = await phasesHit(victim, w, postHeldByVictim);
  await w.cluster.kill(victim);
  for (const phase of hit) w.killsByPhase[phase]++;
  return hit;
}
