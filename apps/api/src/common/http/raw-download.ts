import type { ServerResponse } from 'node:http';
import type { FastifyReply } from 'fastify';

/**
 * Takes a response over from Fastify to stream a download into it, keeping the headers already set on the reply
 * (CORS) and on the Node response (helmet): the 200 and `headers` are sent now, the body is the caller's.
 */
export function openDownload(reply: FastifyReply, headers: Record<string, string>): ServerResponse {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, { ...(reply.getHeaders() as Record<string, string>), ...headers });
  return raw;
}
