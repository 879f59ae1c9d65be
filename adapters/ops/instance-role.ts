/**
 * What this instance does in a cluster, as /healthz reports it and /metrics
 * counts it: whether it holds the Discord gateway (the lease) or stands by,
 * or serves Discord's HTTP interactions; how Slack reaches it; and whether it
 * still takes new work (false from SIGTERM on). The adapters write it, the
 * health check reads it.
 */
import { Counter, type Registry } from 'prom-client';

export type DiscordRole = 'gateway-leader' | 'gateway-standby' | 'http-interactions';
export type SlackRole = 'http' | 'http-oauth' | 'socket';

export interface InstanceRoleSnapshot {
  discord: DiscordRole | null;
  slack: SlackRole | null;
  /** The gateway lease: its kind, whether held now, and how often it changed hands here. Null without the gateway. */
  lease: { kind: 'postgres' | 'in-process'; held: boolean; gained: number; lost: number } | null;
  /** False once shutdown began: load balancers should stop sending requests. */
  accepting: boolean;
}

export interface InstanceRole {
  snapshot(): InstanceRoleSnapshot;
  setDiscord(role: DiscordRole | null): void;
  setSlack(role: SlackRole | null): void;
  /** Reports a lease change (counted in digestbot_lease_changes_total). */
  leaseChanged(kind: 'postgres' | 'in-process', event: 'gained' | 'lost'): void;
  stopAccepting(): void;
}

/** The role board; with a registry, lease changes are counted in it. */
export function createInstanceRole(registry: Registry | null = null): InstanceRole {
  const state: InstanceRoleSnapshot = { discord: null, slack: null, lease: null, accepting: true };
  const changes = registry === null ? null : new Counter({
    name: 'digestbot_lease_changes_total', help: 'Changes of the Discord gateway lease on this instance, by event (gained, lost).',
    labelNames: ['event'] as const, registers: [registry],
  });
  return {
    snapshot: () => ({ ...state, lease: state.lease === null ? null : { ...state.lease } }),
    setDiscord(role) {
      state.discord = role;
    },
    setSlack(role) {
      state.slack = role;
    },
    leaseChanged(kind, event) {
      const lease = state.lease ?? { kind, held: false, gained: 0, lost: 0 };
      lease.held = event === 'gained';
      lease[event] += 1;
      state.lease = lease;
      state.discord = lease.held ? 'gateway-leader' : 'gateway-standby';
      changes?.inc({ event });
    },
    stopAccepting() {
      state.accepting = false;
    },
  };
}
