/**
 * Sealing Slack installations at rest: AES-256-GCM with the key from
 * SLACK_INSTALLATION_KEY (32 bytes, base64; `openssl rand -base64 32`), a
 * fresh 12-byte IV per write, the installation's key as associated data (a
 * sealed row copied to another workspace's key does not open). Layout:
 * version byte 1 | IV (12) | tag (16) | ciphertext.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { DigestError } from '../../src/index.ts';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface InstallationCipher {
  /** Encrypts `plain` for the installation `installKey`. */
  seal(plain: string, installKey: string): Buffer;
  /**
   * Decrypts what `seal` made for `installKey`.
   * @throws DigestError `installation/decrypt-failed` with the wrong key, another row's data or a damaged row.
   */
  open(sealed: Buffer, installKey: string): string;
}

/**
 * The cipher for a base64 key.
 * @throws DigestError `installation/key-invalid` when the key is not 32 bytes of base64.
 */
export function createInstallationCipher(keyBase64: string): InstallationCipher {
  const trimmed = keyBase64.trim();
  const key = Buffer.from(trimmed, 'base64');
  if (!/^[A-Za-z0-9+/]+={0,2}$/u.test(trimmed) || key.byteLength !== 32) {
    throw new DigestError('installation/key-invalid',
      `SLACK_INSTALLATION_KEY must be 32 bytes in base64 (make one with: openssl rand -base64 32); it decodes to ${String(key.byteLength)} bytes`);
  }
  return {
    seal(plain, installKey) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(installKey, 'utf8'));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
    },
    open(sealed, installKey) {
      const failed = (why: string, cause?: unknown): DigestError => new DigestError('installation/decrypt-failed',
        `the stored Slack installation ${installKey} cannot be decrypted (${why}): SLACK_INSTALLATION_KEY is not the key it was stored with, or the row is damaged`,
        { cause, userFacing: false });
      if (sealed.byteLength < 1 + IV_BYTES + TAG_BYTES || sealed[0] !== VERSION) throw failed('unknown format');
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(1, 1 + IV_BYTES));
      decipher.setAAD(Buffer.from(installKey, 'utf8'));
      decipher.setAuthTag(sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES));
      try {
        return Buffer.concat([decipher.update(sealed.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch (err) {
        throw failed('authentication failed', err);
      }
    },
  };
}
