import { FastifyReply } from 'fastify';

/** The platform's error body, { statusCode, error, message }, sent from an HTTP hook. */
export function sendError(
  reply: FastifyReply,
  statusCode: 400 | 405,
  message: string,
): FastifyReply {
  const error = statusCode === 400 ? 'Bad Request' : 'Method Not Allowed';
  return reply
    .code(statusCode)
    .header('cache-control', 'no-store')
    .send({ statusCode, error, message });
}

/** Adds a token to the Vary header unless it is there already (in any case). */
export function appendVary(reply: FastifyReply, token: string): void {
  const current = reply.getHeader('vary');
  const values = current === undefined ? [] : String(current).split(/\s*,\s*/);
  if (!values.some((value) => value.toLowerCase() === token.toLowerCase())) {
    reply.header('vary', [...values, token].join(', '));
  }
}
