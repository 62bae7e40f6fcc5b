import { FastifyInstance } from 'fastify';
import { Logger } from 'pino';

/**
 * One line per request (method, url, status, time in ms) at info. Below info the hook is not
 * even installed, so a benchmark or a quiet deployment pays nothing for it.
 */
export function logRequests(fastify: FastifyInstance, logger: Logger): void {
  if (!logger.isLevelEnabled('info')) return;
  fastify.addHook('onResponse', (request, reply, done) => {
    logger.info(
      {
        req: { method: request.method, url: request.url },
        res: { statusCode: reply.statusCode },
        responseTime: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request completed',
    );
    done();
  });
}
