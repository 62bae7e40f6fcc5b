import { FastifyCorsOptions } from '@fastify/cors';
import { TOTAL_COUNT_HEADER } from '../common/page';

/** `http://localhost:*` allows any port of that host; `*` any origin. */
function originMatcher(origin: string): string | RegExp {
  if (!origin.endsWith(':*')) return origin;
  const host = origin.slice(0, -2).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${host}(:\\d+)?$`);
}

/**
 * CORS for browser front ends: the configured origins (API_CORS_ORIGINS) may read every answer,
 * including the paging headers; a preflight OPTIONS is answered for them, cached for a day.
 */
export function corsOptions(origins: readonly string[]): FastifyCorsOptions {
  return {
    origin: origins.includes('*') ? '*' : origins.map(originMatcher),
    methods: ['GET', 'HEAD', 'OPTIONS'],
    exposedHeaders: [TOTAL_COUNT_HEADER, 'Link', 'ETag', 'Retry-After'],
    maxAge: 86_400,
  };
}
