import 'reflect-metadata';
import { Body, Controller, HttpCode, Module, Param, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { createServer } from 'node:http';

/**
 * The ceiling the `api` figures are read against: how fast this machine answers the command benchmark's
 * requests when the handler does nothing. `CEILING=node` is a bare node:http server that parses the JSON body;
 * `CEILING=nest` is an empty route on NestJS + Fastify, as the API runs (Nest's body parser). Both send `{ type: 'listening', port }`
 * over IPC like the API does.
 */
const RESULT = JSON.stringify({ version: 1, events: [] });

@Controller('scores/:scoreId/commands')
class EmptyCommandController {
  @Post()
  @HttpCode(200)
  apply(@Param('scoreId') _scoreId: string, @Body() body: { type?: string }): { version: number; type?: string } {
    return { version: 1, type: body.type };
  }
}

@Module({ controllers: [EmptyCommandController] })
class EmptyModule {}

async function listenNest(): Promise<number> {
  const app = await NestFactory.create(EmptyModule, new FastifyAdapter(), { logger: ['error'] });
  app.setGlobalPrefix('api/v1');
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  return typeof address === 'object' && address ? address.port : 0;
}

function listenNode(): Promise<number> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(RESULT) });
      response.end(RESULT);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
}

(process.env['CEILING'] === 'node' ? listenNode() : listenNest()).then(
  (port) => process.send?.({ type: 'listening', port }),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
