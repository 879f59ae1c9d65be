/**
 * Interactions as Discord POSTs them to an HTTP interactions endpoint: JSON
 * signed with an Ed25519 key pair made for the test (`X-Signature-Ed25519`
 * over timestamp + body), with options to sign with another key or to age
 * the timestamp.
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { snowflake } from './payloads.ts';

export interface InteractionKeys {
  privateKey: KeyObject;
  /** The public key as DISCORD_PUBLIC_KEY holds it: 64 hex characters. */
  publicKeyHex: string;
}

/** A fresh Ed25519 key pair. */
export function interactionKeys(): InteractionKeys {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const der = publicKey.export({ format: 'der', type: 'spki' });
  return { privateKey, publicKeyHex: der.subarray(der.byteLength - 32).toString('hex') };
}

export interface SignedPostOptions {
  /** Seconds to subtract from now for the timestamp. @defaultValue 0 */
  ageSeconds?: number;
  /** Leave the signature headers out. @defaultValue false */
  unsigned?: boolean;
  /** Change the body after signing. @defaultValue false */
  tamper?: boolean;
  /** Send (and sign) this text instead of the JSON of the payload. */
  rawBody?: string;
}

export interface PostedInteraction {
  status: number;
  body: unknown;
  /** performance.now() when the response was complete. */
  at: number;
  ms: number;
}

/** POSTs `payload` to the endpoint, signed with `key`. */
export async function postInteraction(url: string, key: KeyObject, payload: unknown, options: SignedPostOptions = {}): Promise<PostedInteraction> {
  const body = options.rawBody ?? JSON.stringify(payload);
  const timestamp = String(Math.floor(Date.now() / 1000) - (options.ageSeconds ?? 0));
  const signature = sign(null, Buffer.from(timestamp + body, 'utf8'), key).toString('hex');
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.unsigned !== true) Object.assign(headers, { 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp });
  const started = performance.now();
  const res = await fetch(url, { method: 'POST', headers, body: options.tamper === true ? body.replace('}', ',"x":1}') : body });
  const text = await res.text();
  const at = performance.now();
  return { status: res.status, body: text === '' ? null : JSON.parse(text) as unknown, at, ms: at - started };
}

export interface CommandPayloadInput {
  applicationId: string;
  guildId: string;
  channelId: string;
  userId: string;
  /** Member permissions bitfield. @defaultValue '0' */
  permissions?: string;
  command: string;
  options?: Record<string, string>;
}

/** An APPLICATION_COMMAND interaction (type 2) as Discord sends it over HTTP. */
export function commandPayload(input: CommandPayloadInput): { id: string; token: string; payload: Record<string, unknown> } {
  const id = snowflake();
  const token = `itoken-${id}`;
  return {
    id, token,
    payload: {
      id, token, type: 2, version: 1, application_id: input.applicationId, guild_id: input.guildId, channel_id: input.channelId,
      member: { user: { id: input.userId, username: 'tester' }, permissions: input.permissions ?? '0' },
      data: {
        id: snowflake(), name: input.command, type: 1,
        options: Object.entries(input.options ?? {}).map(([name, value]) => ({ name, type: 3, value })),
      },
    },
  };
}
