import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/**
 * The fastify instance every route registers on: TypeBox schemas give handlers their request types. Its own
 * file so the server (`server.ts`) and the hardening it registers (`hardening.ts`) share it without importing
 * each other.
 */
export type HttpServer = FastifyInstance<
  Server,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;
