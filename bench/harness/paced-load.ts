import { Pool } from 'undici';
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

/**
 * An open-loop load at a constant rate (as wrk2 does it): request i is due at start + i / rate and is sent then
 * on a free connection of the pool, or queued until one frees up. Its latency is counted from when it was due,
 * so a stall of the server shows in full instead of silencing the load (no coordinated omission). autocannon's
 * own rate option sends each second's quota at once at the top of the second, a burst, not a rate.
 */
export async function pacedLoad(options: PacedLoadOptions): Promise<LoadResult> {
  const pool = new Pool(options.url, { connections: options.connections, pipelining: 1 });
  const total = Math.round(options.rate * options.durationS);
  const latencies: number[] = [];
  const counts = { ok: 0, non2xx: 0, errors: 0 };
  const inFlight: Promise<void>[] = [];
  const startedAt = performance.now();
  let sent = 0;
  try {
    while (sent < total) {
      const due = Math.min(total, Math.floor(((performance.now() - startedAt) * options.rate) / 1000) + 1);
      for (; sent < due; sent++) inFlight.push(send(pool, options.request(), startedAt + (sent * 1000) / options.rate, latencies, counts));
      await new Promise((resolve) => setTimeout(resolve, TICK_MS));
    }
    await Promise.all(inFlight);
    const elapsedS = (performance.now() - startedAt) / 1000;
    return {
      requests: { average: Math.round(counts.ok / elapsedS) },
      latency: { p50: percentile(latencies, 50), p99: percentile(latencies, 99) },
      '2xx': counts.ok,
      non2xx: counts.non2xx,
      errors: counts.errors,
      timeouts: 0,
    };
  } finally {
    await pool.close();
  }
}

async function send(pool: Pool, request: PacedRequest, dueAt: number, latencies: number[], counts: { ok: number; non2xx: number; errors: number }): Promise<void> {
  try {
    const response = await pool.request({ method: request.method, path: request.path, headers: request.headers, body: request.body });
    await response.body.dump();
    latencies.push(performance.now() - dueAt);
    if (response.statusCode >= 200 && response.statusCode < 300) counts.ok++;
    else counts.non2xx++;
  } catch {
    counts.errors++;
  }
}
