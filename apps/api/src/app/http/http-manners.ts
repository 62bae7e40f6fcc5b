import { FastifyInstance } from 'fastify';
import { Logger } from 'pino';
import { sendPagesAsLists } from './list-headers';
import { logRequests } from './request-log';

export interface HttpMannersOptions {
  logger: Logger;
}

/**
 * What every endpoint does without its controller asking, registered on Fastify before Nest adds
 * the routes, so endpoints added later get the same behaviour.
 */
export function registerHttpManners(
  fastify: FastifyInstance,
  { logger }: HttpMannersOptions,
): void {
  logRequests(fastify, logger);
  sendPagesAsLists(fastify);
}
