/**
 * Discord for one instance of a cluster, per DISCORD_MODE:
 * - `http`: the interactions endpoint (any instance can serve commands behind
 *   a load balancer); no gateway connection at all.
 * - `gateway`: the gateway connection, held only by the instance holding the
 *   gateway lease (a Postgres advisory lock with DATABASE_URL, else the
 *   in-process lease: always this instance); the others stand by and take
 *   over within GATEWAY_LEASE_RETRY_MS when the holder dies.
 * Scheduled posts go over REST from every instance either way.
 */
import { Routes, type REST } from 'discord.js';
import { toDigestError, type ChatCore, type DiscordConfig, type DiscordIngressConfig, type Logger, type MessagePublisher, platformId } from '../../src/index.ts';
import { holdLease } from '../lease/hold-lease.ts';
import { createInProcessLease, type Lease } from '../lease/lease.ts';
import { createPgLease } from '../lease/pg-lease.ts';
import type { InstanceRole } from '../ops/instance-role.ts';
import { createDiscordRest } from './commands.ts';
import { startInteractionsEndpoint } from './interactions-endpoint.ts';
import { createDiscordPublisher } from './publisher.ts';
import { startDiscordAdapter, type DiscordAdapter } from './start-discord.ts';
import { discordPublicKey } from './verify-signature.ts';

export interface DiscordPlatformOptions {
  config: DiscordConfig;
  core: ChatCore;
  logger: Logger;
  adminUserIds: string[];
  /** postgres://… shared by the instances (the gateway lease), or null for one instance. */
  postgresUrl: string | null;
  /** Where the instance's role is reported (/healthz, /metrics). */
  role: InstanceRole;
  /** The lease to use instead of one built from `postgresUrl` (tests). */
  lease?: Lease;
}

export interface DiscordPlatform {
  publisher: MessagePublisher;
  /** The interactions endpoint's port (http mode), else null. */
  port: number | null;
  /** Stops taking interactions (http) or releases the lease and closes the gateway (gateway). */
  stop(): Promise<void>;
}

const DEFAULT_INGRESS: DiscordIngressConfig = { mode: 'gateway', publicKey: null, host: '0.0.0.0', port: 3001, leaseRetryMs: 5000 };

/** The REST publisher every instance posts with; a channel's guild comes from GET /channels/:id. */
function restPublisher(rest: REST, logger: Logger): MessagePublisher {
  return {
    ...createDiscordPublisher({ rest, logger }),
    async workspaceOf(channel) {
      const found = await rest.get(Routes.channel(channel.replace(/^discord:/u, ''))).catch(() => null) as { guild_id?: string } | null;
      return typeof found?.guild_id === 'string' ? platformId('discord', found.guild_id) : null;
    },
  };
}

async function startHttpMode(options: DiscordPlatformOptions, ingress: DiscordIngressConfig, rest: REST): Promise<DiscordPlatform> {
  const { config, logger } = options;
  const endpoint = await startInteractionsEndpoint({
    host: ingress.host, port: ingress.port, publicKey: discordPublicKey(ingress.publicKey ?? ''), applicationId: config.applicationId,
    core: options.core, logger, adminUserIds: options.adminUserIds, rest,
  });
  options.role.setDiscord('http-interactions');
  logger.info('discord interactions endpoint listening', { platform: 'discord', url: endpoint.url });
  return { publisher: restPublisher(rest, logger), port: endpoint.port, stop: () => endpoint.stop() };
}

async function startGatewayMode(options: DiscordPlatformOptions, ingress: DiscordIngressConfig, rest: REST): Promise<DiscordPlatform> {
  const { logger } = options;
  const lease = options.lease ?? (options.postgresUrl === null
    ? createInProcessLease()
    : createPgLease({ connectionString: options.postgresUrl, name: `discord-gateway:${options.config.applicationId}`, logger }));
  let gateway: DiscordAdapter | null = null;
  let startError: unknown = null;
  options.role.setDiscord('gateway-standby');
  const holder = holdLease({
    lease, logger, retryMs: ingress.leaseRetryMs,
    async onGained() {
      try {
        gateway = await startDiscordAdapter({ config: options.config, core: options.core, logger, adminUserIds: options.adminUserIds });
      } catch (err) {
        startError = err;
        throw err;
      }
    },
    async onLost() {
      const closing = gateway;
      gateway = null;
      await closing?.stop();
    },
    onChange: (event) => options.role.leaseChanged(lease.kind, event),
  });
  await holder.settled();
  // One instance (in-process lease): a gateway that does not start fails the start, as without a lease.
  if (lease.kind === 'in-process' && !holder.isLeader()) {
    await holder.stop();
    throw toDigestError(startError);
  }
  const viaRest = restPublisher(rest, logger);
  return {
    port: null,
    publisher: {
      publish: (channel, message, key) => (gateway?.publisher ?? viaRest).publish(channel, message, key),
      workspaceOf: (channel) => {
        const source = gateway?.publisher ?? viaRest;
        return source.workspaceOf === undefined ? Promise.resolve(null) : source.workspaceOf(channel);
      },
    },
    stop: () => holder.stop(),
  };
}

/** Starts Discord in the configured mode; resolves once it takes commands (or, standing by, once the lease was tried). */
export async function startDiscordPlatform(options: DiscordPlatformOptions): Promise<DiscordPlatform> {
  const ingress = options.config.ingress ?? DEFAULT_INGRESS;
  const rest = createDiscordRest(options.config);
  return ingress.mode === 'http' ? startHttpMode(options, ingress, rest) : startGatewayMode(options, ingress, rest);
}
