/**
 * The fake Discord gateway: plain-JSON WebSocket at /gateway. HELLO on
 * connect; IDENTIFY → READY then one GUILD_CREATE per guild; heartbeats are
 * acknowledged; dispatches go to every identified session.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { guildCreatePayload, snowflake, userPayload, type FakeGuildSpec } from './payloads.ts';

export interface GatewayOptions {
  applicationId: string;
  botUserId: string;
  guilds: FakeGuildSpec[];
  heartbeatIntervalMs: number;
  /** The public ws:// URL (for READY's resume_gateway_url). */
  url: () => string;
}

interface Session {
  socket: WebSocket;
  seq: number;
  identified: boolean;
}

/** A frame the client sent (IDENTIFY, heartbeats…). */
export interface GatewayFrame {
  op: number;
  d: unknown;
  time: number;
}

export class FakeGateway {
  readonly received: GatewayFrame[] = [];
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sessions = new Set<Session>();
  private readonly readyWaiters: (() => void)[] = [];

  constructor(private readonly options: GatewayOptions) {}

  /** Takes over WebSocket upgrades on /gateway of the HTTP server. */
  attach(server: Server): void {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (!(req.url ?? '').startsWith('/gateway')) {
        socket.destroy();
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => this.connect(ws));
    });
  }

  /** Number of sessions that completed IDENTIFY and are still open. */
  get identifiedSessions(): number {
    return [...this.sessions].filter((s) => s.identified).length;
  }

  /** Resolves once at least one session is identified. */
  whenIdentified(): Promise<void> {
    if (this.identifiedSessions > 0) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /** Sends a dispatch (op 0) to every identified session; returns the send time (performance.now()). */
  dispatch(event: string, data: unknown): number {
    const sentAt = performance.now();
    for (const session of this.sessions) {
      if (session.identified) this.send(session, { op: 0, t: event, d: data });
    }
    return sentAt;
  }

  /** Asks every client to heartbeat now (server-sent op 1). */
  requestHeartbeat(): void {
    for (const session of this.sessions) this.send(session, { op: 1, d: session.seq === 0 ? null : session.seq });
  }

  async close(): Promise<void> {
    for (const session of this.sessions) session.socket.terminate();
    this.sessions.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private connect(socket: WebSocket): void {
    const session: Session = { socket, seq: 0, identified: false };
    this.sessions.add(session);
    socket.on('close', () => this.sessions.delete(session));
    socket.on('message', (raw) => this.onFrame(session, String(raw)));
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.options.heartbeatIntervalMs }, s: null, t: null }));
  }

  private onFrame(session: Session, raw: string): void {
    let frame: { op?: unknown; d?: unknown };
    try {
      frame = JSON.parse(raw) as { op?: unknown; d?: unknown };
    } catch {
      session.socket.close(4002, 'Decode error');
      return;
    }
    this.received.push({ op: Number(frame.op), d: frame.d, time: performance.now() });
    if (frame.op === 1) session.socket.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
    else if (frame.op === 2) this.identify(session);
    else if (frame.op === 6) session.socket.send(JSON.stringify({ op: 9, d: false, s: null, t: null }));
  }

  private identify(session: Session): void {
    const { applicationId, botUserId, guilds } = this.options;
    this.send(session, {
      op: 0, t: 'READY', d: {
        v: 10, user: userPayload(botUserId, 'digestbot', true), guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
        session_id: snowflake(), resume_gateway_url: this.options.url(), shard: [0, 1], application: { id: applicationId, flags: 0 },
        private_channels: [], presences: [],
      },
    });
    for (const guild of guilds) this.send(session, { op: 0, t: 'GUILD_CREATE', d: guildCreatePayload(guild, botUserId) });
    session.identified = true;
    for (const resolve of this.readyWaiters.splice(0)) resolve();
  }

  private send(session: Session, frame: { op: number; t?: string; d: unknown }): void {
    const s = frame.op === 0 ? ++session.seq : null;
    session.socket.send(JSON.stringify({ op: frame.op, d: frame.d, s, t: frame.t ?? null }));
  }
}
