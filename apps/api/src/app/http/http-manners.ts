import compress from '@fastify/compress';
import cors from '@fastify/cors';
import { FastifyInstance, FastifyReply } from 'fastify';
import { Logger } from 'pino';
import { corsOptions } from './cors';
import { EntityTagOptions, tagEntities } from './entity-tags';
import { sendPagesAsLists } from './list-headers';
import { refuseWrongMethods } from './method-not-allowed';
import { DeclaredQueryParameters, rejectUnknownQueryParameters } from './query-parameters';
import { logRequests } from './request-log';

export interface HttpMannersOptions extends EntityTagOptions {
  logger: Logger;
  corsOrigins: readonly string[];
  declaredQueries: DeclaredQueryParameters;
}

/** Bodies from this size are compressed (gzip, deflate or brotli at quality 4, as asked). */
const COMPRESS_THRESHOLD_BYTES = 1_024;

/**
 * What every endpoint does without its controller asking, so endpoints added later behave the
 * same: unknown query parameters are a 400, write methods a 405 with Allow, every read carries a
 * strong ETag and Cache-Control and answers If-None-Match with 304, bodies are compressed, lists
 * carry X-Total-Count and Link, browsers of the allowed origins may read it all, requests are
 * logged, and a stopping server closes each connection once its answer is sent. Called on the
 * root instance before Nest adds the routes; the order of the hooks matters and is the order
 * below.
 */
export async function registerHttpManners(
  fastify: FastifyInstance,
  options: HttpMannersOptions,
): Promise<void> {
  logRequests(fastify, options.logger);
  // First among the onRequest hooks: an early 400 or 304 still carries the CORS headers.
  await fastify.register(cors, corsOptions(options.corsOrigins));
  rejectUnknownQueryParameters(fastify, options.declaredQueries);
  // Before the ETags: their suffix hook must see the Content-Encoding compression sets.
  await fastify.register(compress, {
    threshold: COMPRESS_THRESHOLD_BYTES,
    encodings: ['br', 'gzip', 'deflate'],
  });
  tagEntities(fastify, options);
  refuseWrongMethods(fastify);
  sendPagesAsLists(fastify);
  forgetBodyHeadersOnError(fastify);
  closeConnectionsWhenStopping(fastify);
}

/**
 * Once the server is stopping (SIGTERM: Fastify's close), every answer says `Connection: close`,
 * so the client's keep-alive connection ends with the request in flight: the server's close, and
 * the worker, need not wait for Fastify's keep-alive timeout (72 s) on a connection nobody uses.
 */
function closeConnectionsWhenStopping(fastify: FastifyInstance): void {
  let stopping = false;
  fastify.addHook('preClose', (done) => {
    stopping = true;
    done();
  });
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    if (stopping) reply.header('connection', 'close');
    done(null, payload);
  });
}

/** Headers that describe the body being answered, not an error that replaces it. */
const BODY_HEADERS = ['content-encoding', 'content-disposition', 'content-length', 'etag'];

/**
 * Takes back what a route said about the body it meant to send, before an error body replaces it
 * (Content-Type too when `withType`: a route's declared type, such as the bars' JSON with a
 * charset or a CSV stream's, is not the error's).
 */
export function forgetBodyHeaders(reply: FastifyReply, withType = false): void {
  for (const name of withType ? [...BODY_HEADERS, 'content-type'] : BODY_HEADERS) {
    reply.removeHeader(name);
    reply.raw.removeHeader(name);
  }
}

/**
 * A stream that fails before its first byte has its headers on the reply and, copied by Fastify,
 * on the raw response: the error answered instead must not claim the download's coding or file
 * name (a client would fail to decode a JSON error labelled gzip). Compression of the error body,
 * if any, sets its own Content-Encoding afterwards.
 */
function forgetBodyHeadersOnError(fastify: FastifyInstance): void {
  fastify.addHook('onError', (_request, reply, _error, done) => {
    if (!reply.raw.headersSent) forgetBodyHeaders(reply);
    done();
  });
}
