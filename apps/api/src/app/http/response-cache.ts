import { FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import { appendVary } from './error-reply';

/** The headers an answer's route and hooks set, which a cached answer replays. */
const REPLAYED_HEADERS = [
  'content-type',
  'content-disposition',
  'etag',
  'cache-control',
  'x-total-count',
  'link',
] as const;

interface CachedAnswer {
  headers: [string, string][];
  vary: string[];
  /** Bytes, not a string: see keep(). */
  body: Buffer;
}

/** One answer may take at most this share of the cache, so a large one cannot empty it. */
const LARGEST_ENTRY_SHARE = 8;

/**
 * The serialized answers of data reads, per worker, least recently used out first. The data only
 * changes when it is loaded or generated, which bumps the data version, so an answer stays right
 * for as long as the version it was computed under is current: the key holds that version, and a
 * new version empties the cache. Bodies are kept before compression, so one entry serves every
 * Accept-Encoding (compression still runs per request); streams are never kept.
 */
export class ResponseCache {
  private readonly entries: LRUCache<string, CachedAnswer>;
  private version: string | undefined;

  constructor(maxBytes: number) {
    this.entries = new LRUCache<string, CachedAnswer>({
      maxSize: maxBytes,
      maxEntrySize: Math.floor(maxBytes / LARGEST_ENTRY_SHARE),
      sizeCalculation: (answer) =>
        Buffer.byteLength(answer.body) +
        answer.headers.reduce((sum, [name, value]) => sum + name.length + value.length, 0),
    });
  }

  /** The key of a GET under a data version: the full URL and what the client accepts. */
  static key(version: string, request: FastifyRequest): string {
    return `${version}\n${request.url}\n${request.headers.accept ?? ''}`;
  }

  /** Sends the answer kept under the key, if any: true when it did. */
  replay(version: string, key: string, reply: FastifyReply): boolean {
    this.forgetOlderThan(version);
    const answer = this.entries.get(key);
    if (!answer) return false;
    for (const [name, value] of answer.headers) reply.header(name, value);
    for (const token of answer.vary) appendVary(reply, token);
    reply.send(answer.body);
    return true;
  }

  /** Keeps a 200 answer's body (already serialized) and the headers that go with it. */
  keep(version: string, key: string, reply: FastifyReply, body: string | Buffer): void {
    this.forgetOlderThan(version);
    const headers: [string, string][] = [];
    for (const name of REPLAYED_HEADERS) {
      const value = reply.getHeader(name);
      if (value !== undefined) headers.push([name, String(value)]);
    }
    const vary = reply.getHeader('vary');
    this.entries.set(key, {
      headers,
      vary: vary === undefined ? [] : String(vary).split(/\s*,\s*/),
      // Kept as bytes: a string is encoded again on every send, which held a cached page of
      // ticks (184 kB) to a quarter of the rate its bytes allow (api:bench, 32 connections).
      body: typeof body === 'string' ? Buffer.from(body) : body,
    });
  }

  private forgetOlderThan(version: string): void {
    if (version === this.version) return;
    this.entries.clear();
    this.version = version;
  }
}
