import { createHash } from 'node:crypto';
import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { appendVary } from './error-reply';
import { ResponseCache } from './response-cache';

/** Caches may keep an answer but must ask again before using it: a 304 costs no query. */
export const CACHE_CONTROL = 'no-cache';
const ERROR_CACHE_CONTROL = 'no-store';

export interface EntityTagOptions {
  /** Shared by the workers of one API run: a restart (new code) changes every tag. */
  instance: string;
  /** The data version, undefined while unknown (then no tag is promised in advance). */
  dataVersion: () => string | undefined;
  /** Serialized answers kept per data version; none: every read runs its queries. */
  responseCache?: ResponseCache;
}

/** Route config of answers that reflect the moment, not the data (health): tagged by content. */
export interface LiveRouteConfig {
  live?: boolean;
}

/** The tag of a data read, and the data version it was made under. */
const versionTags = new WeakMap<FastifyRequest, { tag: string; version: string }>();

function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

/** The tags an If-None-Match header lists, without a content-coding suffix; '*' matches any. */
function matches(ifNoneMatch: string | undefined, tag: string): boolean {
  if (!ifNoneMatch) return false;
  const base = tag.replace(/"$/, '');
  return ifNoneMatch.split(',').some((candidate) => {
    const value = candidate.trim();
    return value === '*' || value === tag || value.startsWith(`${base}-`);
  });
}

function isRead(request: FastifyRequest): boolean {
  return request.method === 'GET' || request.method === 'HEAD';
}

function isLive(request: FastifyRequest): boolean {
  return (request.routeOptions.config as LiveRouteConfig | undefined)?.live === true;
}

function notModified(reply: FastifyReply, tag: string): void {
  reply.code(304).header('etag', tag).header('cache-control', CACHE_CONTROL);
  appendVary(reply, 'accept-encoding');
}

/**
 * Strong ETags and conditional GETs on every read:
 * - data answers are tagged by (API run, data version, URL, Accept) before the handler runs, so a
 *   matching If-None-Match is answered 304 at once, without a query;
 * - live answers (health) are tagged by a hash of their body, and compared after it is built;
 * - a compressed body's tag gets the coding as suffix (`"...-br"`), as strong validators must
 *   differ per representation; If-None-Match matches with or without it;
 * - with a response cache, a GET the cache holds under the current version is answered from it,
 *   without a query, and a 200 answer made under the still-current version is kept.
 * Errors are never stored (no-store).
 */
export function tagEntities(fastify: FastifyInstance, options: EntityTagOptions): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    const version = isRead(request) && !isLive(request) ? options.dataVersion() : undefined;
    if (version === undefined) return done();
    // The URL and Accept pick the representation (the ticks answer JSON or CSV at one URL).
    const representation = `${request.url}\n${request.headers.accept ?? ''}`;
    const tag = `"${options.instance}.${version}.${fnv1a(representation)}"`;
    versionTags.set(request, { tag, version });
    if (matches(request.headers['if-none-match'], tag)) {
      notModified(reply, tag);
      reply.send();
      return;
    }
    const cache = options.responseCache;
    if (!cache || request.method !== 'GET') return done();
    if (!cache.replay(version, ResponseCache.key(version, request), reply)) done();
  });

  fastify.addHook('onSend', (request, reply, payload, done) => {
    if (!isRead(request) || reply.statusCode === 304) return done(null, payload);
    if (reply.statusCode !== 200) {
      reply.header('cache-control', ERROR_CACHE_CONTROL);
      return done(null, payload);
    }
    // Static files tag themselves; a cached answer brings its headers.
    if (reply.hasHeader('etag')) return done(null, payload);
    const versioned = versionTags.get(request);
    let tag = versioned?.tag;
    if (tag === undefined && (typeof payload === 'string' || Buffer.isBuffer(payload))) {
      tag = `"h${createHash('sha1').update(payload).digest('base64url')}"`;
      if (matches(request.headers['if-none-match'], tag)) {
        notModified(reply, tag);
        return done(null, '');
      }
    }
    if (tag !== undefined) reply.header('etag', tag);
    reply.header('cache-control', CACHE_CONTROL);
    appendVary(reply, 'accept-encoding');
    if (versioned) appendVary(reply, 'accept');
    const cache = options.responseCache;
    if (
      cache &&
      versioned &&
      request.method === 'GET' &&
      (typeof payload === 'string' || Buffer.isBuffer(payload)) &&
      // Made under the version that is still current: not a read that raced a load.
      options.dataVersion() === versioned.version
    )
      cache.keep(versioned.version, ResponseCache.key(versioned.version, request), reply, payload);
    done(null, payload);
  });

  // Runs after compression (route-level onSend hooks follow @fastify/compress's, added earlier).
  fastify.addHook('onRoute', (route) => {
    const suffix = (
      _request: FastifyRequest,
      reply: FastifyReply,
      payload: unknown,
      done: (error: null, payload: unknown) => void,
    ) => {
      const coding = reply.getHeader('content-encoding');
      const tag = reply.getHeader('etag');
      if (coding && coding !== 'identity' && typeof tag === 'string' && tag.endsWith('"'))
        reply.header('etag', `${tag.slice(0, -1)}-${coding}"`);
      done(null, payload);
    };
    route.onSend = [...[route.onSend ?? []].flat(), suffix];
  });
}
