/**
 * The cluster's bot instances: named processes (a, b, c…) started from the
 * bundled child with their own environment, killed with SIGKILL (each kill
 * noted with its time) and started again under the same name.
 */
import { spawnBot, type BotChild } from '../crash/child-process.ts';

export interface Instance {
  name: string;
  env: NodeJS.ProcessEnv;
  child: BotChild;
}

export interface Cluster {
  instances: Instance[];
  /** Every SIGKILL: which instance and when (Date.now()). */
  kills: { instance: string; at: number }[];
  byName(name: string): Instance | undefined;
  kill(instance: Instance): Promise<void>;
  restart(instance: Instance): void;
  /** Waits until every instance printed `@running` (or the time is up); returns the names still not running. */
  allRunning(timeoutMs: number): Promise<string[]>;
  /** SIGTERM to every instance, then waits for their exits. */
  stop(): Promise<void>;
}

export function startCluster(names: readonly string[], args: readonly string[], envFor: (name: string) => NodeJS.ProcessEnv): Cluster {
  const instances = names.map((name) => {
    const env = envFor(name);
    return { name, env, child: spawnBot(args, env) };
  });
  const cluster: Cluster = {
    instances, kills: [],
    byName: (name) => instances.find((i) => i.name === name),
    async kill(instance) {
      cluster.kills.push({ instance: instance.name, at: Date.now() });
      await instance.child.kill();
    },
    restart(instance) {
      instance.child = spawnBot(args, instance.env);
    },
    async allRunning(timeoutMs) {
      const until = Date.now() + timeoutMs;
      const late: string[] = [];
      for (const i of instances) {
        if (await i.child.marker('running', Math.max(1, until - Date.now())) === null) late.push(i.name);
      }
      return late;
    },
    async stop() {
      for (const i of instances) i.child.proc.kill('SIGTERM');
      await Promise.all(instances.map(async (i) => {
        const timer = setTimeout(() => i.child.proc.kill('SIGKILL'), 20_000);
        await i.child.exited;
        clearTimeout(timer);
      }));
    },
  };
  return cluster;
}
