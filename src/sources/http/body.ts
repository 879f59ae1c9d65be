/**
 * Reads a response body under two caps: bytes received on the wire
 * (`maxCompressedBytes`) and bytes after decoding (`maxBytes`). Decoding
 * (gzip, deflate, br) is done here with node:zlib rather than by the HTTP
 * library, so a small compressed "bomb" is stopped as soon as its output
 * passes the cap, and never inflates into memory.
 */
import type { IncomingMessage } from 'node:http';
import type { Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import { DigestError } from '../../errors.ts';
import type { Encoding } from './response-rules.ts';

/** The two size caps, in bytes. */
export interface BodyLimits {
  maxBytes: number;
  maxCompressedBytes: number;
}

/** Receives the outcome of {@link collectBody} exactly once (the caller guards against late calls). */
export interface BodySink {
  done(bytes: Uint8Array): void;
  fail(err: DigestError): void;
}

export function tooLargeError(url: string, limit: number, measure: 'declared' | 'received' | 'decoded'): DigestError {
  return new DigestError('fetch/too-large', `response larger than ${Math.round(limit / 1024)} KiB from ${url}`, {
    context: { url, limitBytes: limit, measure },
  });
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** zlib-wrapped deflate starts with a CMF/FLG pair divisible by 31; otherwise it is raw deflate. */
function deflateDecoder(first: Uint8Array): Transform {
  const cmf = first[0] ?? 0;
  const flg = first[1] ?? 0;
  const wrapped = (cmf & 0x0f) === 8 && ((cmf << 8) | flg) % 31 === 0;
  return wrapped ? createInflate() : createInflateRaw();
}

function decoderFor(encoding: Exclude<Encoding, 'identity' | 'deflate'>): Transform {
  return encoding === 'gzip' ? createGunzip() : createBrotliDecompress();
}

/**
 * Collects the body of `res` into one buffer. Returns a function that tears
 * down the decoder (call it when the exchange ends for any reason).
 */
export function collectBody(res: IncomingMessage, encoding: Encoding, limits: BodyLimits, url: string, sink: BodySink): () => void {
  const chunks: Uint8Array[] = [];
  let decoded = 0;
  let received = 0;
  let decoder: Transform | undefined;
  let finished = false;

  const stop = (err: DigestError): void => {
    if (finished) return;
    finished = true;
    decoder?.destroy();
    res.destroy();
    sink.fail(err);
  };
  const finish = (): void => {
    if (finished) return;
    finished = true;
    sink.done(concat(chunks, decoded));
  };
  const takeDecoded = (chunk: Uint8Array): void => {
    if (finished) return;
    decoded += chunk.byteLength;
    if (decoded > limits.maxBytes) {
      stop(tooLargeError(url, limits.maxBytes, 'decoded'));
      return;
    }
    chunks.push(chunk);
  };
  const startDecoder = (d: Transform): Transform => {
    d.on('data', takeDecoded);
    d.on('end', finish);
    d.on('error', (err) => stop(new DigestError('fetch/network', `corrupt ${encoding} body from ${url}`, { cause: err, context: { url } })));
    return d;
  };

  res.on('data', (chunk: Buffer) => {
    if (finished) return;
    received += chunk.byteLength;
    if (received > limits.maxCompressedBytes) {
      stop(tooLargeError(url, limits.maxCompressedBytes, 'received'));
      return;
    }
    if (encoding === 'identity') {
      takeDecoded(chunk);
      return;
    }
    decoder ??= startDecoder(encoding === 'deflate' ? deflateDecoder(chunk) : decoderFor(encoding));
    decoder.write(chunk);
  });
  res.on('end', () => {
    if (encoding === 'identity' || decoder === undefined) finish();
    else decoder.end();
  });
  res.on('error', (err) => stop(new DigestError('fetch/network', `connection lost while reading ${url}`, { cause: err, context: { url } })));
  res.on('close', () => {
    if (!res.complete) stop(new DigestError('fetch/network', `connection closed before the body of ${url} was complete`, { context: { url } }));
  });

  return () => {
    finished = true;
    decoder?.destroy();
  };
}
