import { connect, type Socket } from 'node:net';
import { percentile } from './stats';

export interface PacedRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface PacedLoadOptions {
  url: string;
  connections: number;
  /** Requests per second, sent on a fixed schedule whatever the answers do. */
  rate: number;
  durationS: number;
  request: () => PacedRequest;
}

/** The same figures autocannon gives, so runs of both kinds are reported alike. */
export interface LoadResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  '2xx': number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

/** How often the scheduler wakes to send what is due; requests due in between go out together. */
const TICK_MS = 1;

interface Due {
  bytes: Buffer;
  dueAt: number;
}

interface ConnectionEvents {
  answered(connection: Connection): void;
  /** The connection closed or failed; `lostRequest` when a request was in flight on it. */
  died(connection: Connection, lostRequest: boolean): void;
}

interface Tally {
  latencies: number[];
  ok: number;
  non2xx: number;
  errors: number;
}

/**
 * An open-loop load at a constant rate (as wrk2 does it): request i is due at start + i / rate and goes out then
 * on a free keep-alive connection, or waits for one. Its latency counts from when it was due, so a stall of the
 * server shows in full instead of silencing the load (no coordinated omission). autocannon's own rate option sends
 * each second's quota at once at the top of the second, a burst, not a rate. Plain sockets and a minimal HTTP/1.1
 * reader keep the generator's own CPU small (it shares the machine with what it measures).
 */
export async function pacedLoad(options: PacedLoadOptions): Promise<LoadResult> {
  const { hostname: host, port } = new URL(options.url);
  const total = Math.round(options.rate * options.durationS);
  const tally: Tally = { latencies: [], ok: 0, non2xx: 0, errors: 0 };
  const waiting: Due[] = [];
  const idle: Connection[] = [];
  let answered = 0;
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  let live = options.connections;
  const events: ConnectionEvents = {
    answered(connection) {
      answered += 1;
      if (answered >= total) return finish();
      const next = waiting.shift();
      if (next) connection.send(next);
      else idle.push(connection);
    },
    died(connection, lostRequest) {
      if (lostRequest) answered += 1;
      const at = idle.indexOf(connection);
      if (at >= 0) idle.splice(at, 1);
      if (--live === 0) {
        // Nothing left to send on: what waits, and what is still to come, is lost.
        const lost = waiting.length + (total - sent);
        tally.errors += lost;
        answered += lost;
        waiting.length = 0;
        sent = total;
      }
      if (answered >= total) finish();
    },
  };
  const connections = await Promise.all(Array.from({ length: options.connections }, () => Connection.open(host, Number(port), tally, events)));
  idle.push(...connections);
  const startedAt = performance.now();
  let sent = 0;
  try {
    while (sent < total) {
      const due = Math.min(total, Math.floor(((performance.now() - startedAt) * options.rate) / 1000) + 1);
      for (; sent < due; sent++) {
        const request = { bytes: encode(options.request(), host), dueAt: startedAt + (sent * 1000) / options.rate };
        const connection = idle.pop();
        if (connection) connection.send(request);
        else waiting.push(request);
      }
      await new Promise((resolve) => setTimeout(resolve, TICK_MS));
    }
    await finished;
    const elapsedS = (performance.now() - startedAt) / 1000;
    return {
      requests: { average: Math.round(tally.ok / elapsedS) },
      latency: { p50: percentile(tally.latencies, 50), p99: percentile(tally.latencies, 99) },
      '2xx': tally.ok,
      non2xx: tally.non2xx,
      errors: tally.errors,
      timeouts: 0,
    };
  } finally {
    for (const connection of connections) connection.close();
  }
}

function encode(request: PacedRequest, host: string): Buffer {
  const body = request.body ?? '';
  const headers = Object.entries(request.headers ?? {}).map(([name, value]) => `${name}: ${value}\r\n`).join('');
  return Buffer.from(`${request.method} ${request.path} HTTP/1.1\r\nhost: ${host}\r\n${headers}content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}

const HEADER_END = Buffer.from('\r\n\r\n');
const CONTENT_LENGTH = /\r\ncontent-length: *(\d+)/i;

/** One keep-alive connection with at most one request in flight; reads responses framed by content-length. */
class Connection {
  private pending: Buffer = Buffer.alloc(0);
  private current: Due | undefined;
  private dead = false;

  private constructor(
    private readonly socket: Socket,
    private readonly tally: Tally,
    private readonly events: ConnectionEvents,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk) => this.read(chunk));
    socket.on('error', () => this.fail());
    socket.on('close', () => this.fail());
  }

  static open(host: string, port: number, tally: Tally, events: ConnectionEvents): Promise<Connection> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host, port }, () => resolve(new Connection(socket, tally, events)));
      socket.once('error', reject);
    });
  }

  send(request: Due): void {
    this.current = request;
    this.socket.write(request.bytes);
  }

  close(): void {
    this.socket.removeAllListeners('close');
    this.socket.destroy();
  }

  private read(chunk: Buffer): void {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const headerEnd = this.pending.indexOf(HEADER_END);
    if (headerEnd < 0 || this.current === undefined) return;
    const head = this.pending.toString('latin1', 0, headerEnd);
    const length = Number(CONTENT_LENGTH.exec(head)?.[1] ?? 0);
    if (this.pending.length < headerEnd + 4 + length) return;
    this.pending = this.pending.subarray(headerEnd + 4 + length);
    const status = Number(head.slice(9, 12));
    this.tally.latencies.push(performance.now() - this.current.dueAt);
    if (status >= 200 && status < 300) this.tally.ok += 1;
    else this.tally.non2xx += 1;
    this.current = undefined;
    this.events.answered(this);
  }

  /** A request lost with its connection counts as an error; the connection is never used again. */
  private fail(): void {
    if (this.dead) return;
    this.dead = true;
    const lostRequest = this.current !== undefined;
    if (lostRequest) this.tally.errors += 1;
    this.current = undefined;
    this.events.died(this, lostRequest);
  }
}
