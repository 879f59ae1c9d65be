/**
 * The environment keys of chat ingress across instances (issue 15): the
 * Discord HTTP interactions endpoint, the gateway lease, Slack OAuth
 * installation. Part of the one config schema (`src/config.ts` spreads
 * `ingressEnv` into it and calls `refineIngress`); kept apart so the keys of
 * one feature read together.
 */
import { z } from 'zod';

const optionalText = z.string().trim().optional().transform((s) => (s === undefined || s === '' ? null : s));

export const ingressEnv = {
  /** gateway: the bot holds a gateway connection (with a Postgres DATABASE_URL, one instance at a time holds it); http: Discord POSTs interactions to our endpoint. @defaultValue gateway */
  DISCORD_MODE: z.enum(['gateway', 'http']).default('gateway'),
  /** The application's public key (64 hex characters, General Information page); required with DISCORD_MODE=http. */
  DISCORD_PUBLIC_KEY: optionalText,
  /** Port and address of the interactions endpoint (DISCORD_MODE=http); its path is /interactions. @defaultValue 3001, 0.0.0.0 */
  DISCORD_INTERACTIONS_PORT: z.coerce.number().int().min(0).max(65_535).default(3001),
  DISCORD_INTERACTIONS_HOST: z.string().trim().min(1).default('0.0.0.0'),
  /** How often an instance without the gateway lease tries to take it (and the holder checks it), in ms. @defaultValue 5000 */
  GATEWAY_LEASE_RETRY_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  /** Slack OAuth installation to many workspaces: the app's client id; turns OAuth on (HTTP mode, no SLACK_BOT_TOKEN needed). */
  /**
   * This instance's name in the shared delivery ledger (PostgreSQL): a restarted instance with the same name takes
   * over its own unposted runs at once, another instance only after 10 minutes. @defaultValue host name and process id
   */
  INSTANCE_ID: optionalText,
  SLACK_CLIENT_ID: optionalText,
  SLACK_CLIENT_SECRET: optionalText,
  /** Signs the OAuth state parameter (any long random string). */
  SLACK_STATE_SECRET: optionalText,
  /** Encrypts stored installations (AES-256-GCM): 32 bytes, base64 (`openssl rand -base64 32`). */
  SLACK_INSTALLATION_KEY: optionalText,
  /** Bot scopes asked for at install (comma list). @defaultValue commands,chat:write,files:write,users:read */
  SLACK_SCOPES: z.string().default('commands,chat:write,files:write,users:read')
    .transform((s) => s.split(',').map((x) => x.trim()).filter((x) => x !== '')),
};

type IngressEnv = { [K in keyof typeof ingressEnv]: z.infer<(typeof ingressEnv)[K]> } & { SLACK_MODE: 'http' | 'socket' };

/** The Discord side: how commands come in. */
export interface DiscordIngressConfig {
  mode: 'gateway' | 'http';
  /** Hex public key; set in http mode. */
  publicKey: string | null;
  host: string;
  port: number;
  leaseRetryMs: number;
}

/** Slack OAuth installation to many workspaces. */
export interface SlackOAuthConfig {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  /** Base64 of 32 bytes (checked when the cipher is built). */
  installationKey: string;
  scopes: string[];
}

/** Several instances on one database. */
export interface ClusterConfig {
  /** postgres://… when instances share PostgreSQL; null: one instance (SQLite). */
  postgresUrl: string | null;
  /** INSTANCE_ID: this instance's name in the shared delivery ledger; null: host name and process id. */
  instanceId: string | null;
}

/** The cross-key rules: http mode needs the public key; OAuth needs all its keys and HTTP mode. */
export function refineIngress(env: IngressEnv, ctx: z.RefinementCtx): void {
  if (env.DISCORD_MODE === 'http' && env.DISCORD_PUBLIC_KEY === null) {
    ctx.addIssue({ code: 'custom', path: ['DISCORD_PUBLIC_KEY'], message: 'DISCORD_MODE=http needs the application\'s public key' });
  }
  if (env.DISCORD_PUBLIC_KEY !== null && !/^[0-9a-f]{64}$/iu.test(env.DISCORD_PUBLIC_KEY)) {
    ctx.addIssue({ code: 'custom', path: ['DISCORD_PUBLIC_KEY'], message: 'expected 64 hex characters' });
  }
  if (env.SLACK_CLIENT_ID === null) return;
  for (const key of ['SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET', 'SLACK_INSTALLATION_KEY'] as const) {
    if (env[key] === null) ctx.addIssue({ code: 'custom', path: [key], message: 'Slack OAuth installation (SLACK_CLIENT_ID) needs it' });
  }
  if (env.SLACK_MODE !== 'http') ctx.addIssue({ code: 'custom', path: ['SLACK_MODE'], message: 'Slack OAuth installation runs in HTTP mode' });
}

export function discordIngressOf(e: IngressEnv): DiscordIngressConfig {
  return { mode: e.DISCORD_MODE, publicKey: e.DISCORD_PUBLIC_KEY, host: e.DISCORD_INTERACTIONS_HOST, port: e.DISCORD_INTERACTIONS_PORT, leaseRetryMs: e.GATEWAY_LEASE_RETRY_MS };
}

export function slackOAuthOf(e: IngressEnv): SlackOAuthConfig | null {
  if (e.SLACK_CLIENT_ID === null || e.SLACK_CLIENT_SECRET === null || e.SLACK_STATE_SECRET === null || e.SLACK_INSTALLATION_KEY === null) return null;
  return { clientId: e.SLACK_CLIENT_ID, clientSecret: e.SLACK_CLIENT_SECRET, stateSecret: e.SLACK_STATE_SECRET, installationKey: e.SLACK_INSTALLATION_KEY, scopes: e.SLACK_SCOPES };
}

/** The cluster settings from DATABASE_URL (validated in src/config.ts): a Postgres URL, or null for one instance on SQLite. */
export function clusterOf(databaseUrl: string | undefined, instanceId: string | null): ClusterConfig {
  return { postgresUrl: databaseUrl !== undefined && /^postgres(ql)?:\/\//u.test(databaseUrl) ? databaseUrl : null, instanceId };
}
