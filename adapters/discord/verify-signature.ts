/**
 * Discord's request signatures for the HTTP interactions endpoint: every
 * request carries `X-Signature-Ed25519` (hex) over `timestamp + raw body`
 * with `X-Signature-Timestamp` (Unix seconds), signed with the application's
 * key; DISCORD_PUBLIC_KEY is its public half (64 hex characters). Verified
 * with node:crypto: the raw 32-byte key wrapped as SPKI DER.
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { DigestError } from '../../src/index.ts';

/** The DER header of an Ed25519 SubjectPublicKeyInfo (RFC 8410), followed by the 32 raw key bytes. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** How far a request's timestamp may be from our clock, in seconds (either way). */
export const DISCORD_SIGNATURE_MAX_AGE_S = 5 * 60;

/**
 * The application's public key as a KeyObject.
 * @throws DigestError `config/invalid` when `hex` is not 32 bytes of hex.
 */
export function discordPublicKey(hex: string): KeyObject {
  if (!/^[0-9a-f]{64}$/iu.test(hex)) {
    throw new DigestError('config/invalid', 'DISCORD_PUBLIC_KEY must be the 64 hex characters shown on the application\'s General Information page');
  }
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, 'hex')]), format: 'der', type: 'spki' });
}

export type SignatureCheck = { ok: true } | { ok: false; reason: 'missing' | 'malformed' | 'stale' | 'mismatch' };

/** Checks one request's signature headers against its raw body; `nowS` is the current Unix time in seconds. */
export function checkDiscordSignature(
  key: KeyObject, headers: { signature: string | undefined; timestamp: string | undefined }, rawBody: Buffer, nowS: number,
): SignatureCheck {
  const { signature, timestamp } = headers;
  if (signature === undefined || timestamp === undefined) return { ok: false, reason: 'missing' };
  if (!/^[0-9a-f]{128}$/iu.test(signature) || !/^\d{1,12}$/u.test(timestamp)) return { ok: false, reason: 'malformed' };
  if (Math.abs(nowS - Number(timestamp)) > DISCORD_SIGNATURE_MAX_AGE_S) return { ok: false, reason: 'stale' };
  const signed = Buffer.concat([Buffer.from(timestamp, 'utf8'), rawBody]);
  return verify(null, signed, key, Buffer.from(signature, 'hex')) ? { ok: true } : { ok: false, reason: 'mismatch' };
}
