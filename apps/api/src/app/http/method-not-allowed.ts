import { FastifyInstance } from 'fastify';
import { sendError } from './error-reply';

/** The API only reads: every other method on a readable path is a 405, not a 404. */
const REFUSED_METHODS = ['DELETE', 'PATCH', 'POST', 'PUT'];
const ALLOW = 'GET, HEAD, OPTIONS';

/**
 * For every GET route, a companion route answers the write methods with 405 and an Allow header.
 * OPTIONS stays with CORS (preflight); HEAD comes with GET.
 */
export function refuseWrongMethods(fastify: FastifyInstance): void {
  fastify.addHook('onRoute', (route) => {
    const methods = [route.method].flat();
    if (!methods.includes('GET')) return;
    fastify.route({
      method: REFUSED_METHODS,
      url: route.url,
      handler: (request, reply) =>
        sendError(
          reply.header('allow', ALLOW),
          405,
          `${request.method} is not allowed on ${request.url.split('?')[0]}: the API is read-only (allowed: ${ALLOW})`,
        ),
    });
  });
}
