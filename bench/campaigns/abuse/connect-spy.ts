/**
 * Watches every outgoing TCP connection of the process while an SSRF phase
 * runs. Any destination other than the allowed ones counts as an SSRF
 * attempt and never leaves the machine: an address is rewritten to the sink
 * (the internal test server, which logs it), a name whose lookup gives such
 * an address fails to connect.
 */
import { isIP, Socket, type LookupFunction } from 'node:net';

export interface ConnectAttempt {
  /** Host as given to connect (a name or an address). */
  host: string;
  /** The address it would have connected to (after the lookup, for names). */
  address: string;
  port: number;
}

export interface ConnectSpy {
  /** Connection attempts to anything but the allowed destinations, in order. */
  readonly attempts: ConnectAttempt[];
  /** Puts `Socket.prototype.connect` back. */
  restore(): void;
}

interface ConnectOptionsLike {
  host?: string;
  port?: number | string;
  lookup?: LookupFunction;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: unknown, family?: number) => void;

/**
 * Installs the spy. `allowed(address, port)` names the destinations that are no attack (the attacker server).
 * Only the options forms of `connect` (what node:http and net.createConnection use) are inspected.
 */
export function installConnectSpy(allowed: (address: string, port: number) => boolean, sink: { host: string; port: number }): ConnectSpy {
  const attempts: ConnectAttempt[] = [];
  const original = Socket.prototype.connect;
  const refused = (address: string, port: number): NodeJS.ErrnoException =>
    Object.assign(new Error(`connect ECONNREFUSED ${address}:${String(port)} (blocked by the campaign's connection spy)`), { code: 'ECONNREFUSED' });

  const watch = (options: ConnectOptionsLike): void => {
    const host = options.host ?? 'localhost';
    const port = Number(options.port);
    if (isIP(host) !== 0) {
      if (allowed(host, port)) return;
      attempts.push({ host, address: host, port });
      options.host = sink.host;
      options.port = sink.port;
      return;
    }
    const lookup = options.lookup;
    if (lookup === undefined) return;
    options.lookup = ((hostname: string, lookupOptions: object, callback: LookupCallback) => {
      lookup(hostname, lookupOptions as never, ((err: NodeJS.ErrnoException | null, address: unknown, family?: number) => {
        if (err !== null) {
          callback(err, address, family);
          return;
        }
        const list = Array.isArray(address) ? (address as { address: string }[]).map((a) => a.address) : [String(address)];
        const bad = list.find((a) => !allowed(a, port));
        if (bad === undefined) {
          callback(null, address, family);
          return;
        }
        attempts.push({ host: hostname, address: bad, port });
        callback(refused(bad, port), undefined);
      }) as never);
    }) as LookupFunction;
  };

  function spied(this: Socket, ...args: unknown[]): Socket {
    const first = args[0];
    // net.createConnection passes its normalized [options, callback] array as the first argument.
    const options = Array.isArray(first) ? (first[0] as unknown) : first;
    if (typeof options === 'object' && options !== null) watch(options as ConnectOptionsLike);
    return (original as (...a: unknown[]) => Socket).apply(this, args);
  }
  Socket.prototype.connect = spied as typeof Socket.prototype.connect;
  return {
    attempts,
    restore() {
      Socket.prototype.connect = original;
    },
  };
}
