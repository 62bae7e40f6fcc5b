import { FastifyInstance } from 'fastify';
import { Page, PageWindow, TOTAL_COUNT_HEADER } from '../common/page';

/**
 * RFC 8288 links to the first, previous, next and last pages: the request's own path and
 * parameters with `offset` (and `limit`) changed, relative to the server.
 */
export function pageLinks(url: string, total: number, { limit, offset }: PageWindow): string {
  const [path, query = ''] = url.split('?', 2);
  const link = (rel: string, at: number) => {
    const params = new URLSearchParams(query);
    params.set('limit', String(limit));
    params.set('offset', String(at));
    return `<${path}?${params}>; rel="${rel}"`;
  };
  const last = Math.max(0, Math.floor((total - 1) / limit) * limit);
  return [
    link('first', 0),
    ...(offset > 0 ? [link('prev', Math.max(0, offset - limit))] : []),
    ...(offset + limit < total ? [link('next', offset + limit)] : []),
    link('last', last),
  ].join(', ');
}

/** A handler's Page becomes its JSON array, with X-Total-Count and, when it pages, Link. */
export function sendPagesAsLists(fastify: FastifyInstance): void {
  fastify.addHook('preSerialization', async (request, reply, payload) => {
    if (!(payload instanceof Page)) return payload;
    reply.header(TOTAL_COUNT_HEADER, String(payload.total));
    if (payload.window) reply.header('Link', pageLinks(request.url, payload.total, payload.window));
    return payload.rows;
  });
}
