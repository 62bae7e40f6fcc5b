import { createHash } from 'node:crypto';
import { MarketDataInputError } from '../market-data-input-error';

const CURSOR_VERSION = 1;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
/** Long enough for any key of ours; a longer cursor is rejected before it is decoded. */
const MAX_CURSOR_LENGTH = 512;
const MALFORMED = 'is malformed: pass the cursor of a Link header as it is';

interface CursorBody {
  v: number;
  /** Digest of the query the cursor belongs to (security, interval, range, order, ...). */
  q: string;
  /** The last row's key: the next page starts strictly after it. */
  k: string;
}

function digest(scope: string): string {
  return createHash('sha256').update(scope).digest('base64url').slice(0, 16);
}

/**
 * An opaque cursor from the last row's key. Keyset paging (WHERE key > last key) never repeats or
 * skips a row, however the data moves between pages; the query digest makes a cursor from another
 * query (another security, interval, range or order) an error instead of a silently wrong page.
 */
export function encodeCursor(scope: string, key: string): string {
  const body: CursorBody = { v: CURSOR_VERSION, q: digest(scope), k: key };
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}

/** The key inside a cursor made by encodeCursor for the same scope; errors name `cursor`. */
export function decodeCursor(scope: string, cursor: string): string {
  if (cursor.length > MAX_CURSOR_LENGTH || !BASE64URL.test(cursor)) {
    throw new MarketDataInputError('cursor', MALFORMED);
  }
  let body: Partial<CursorBody>;
  try {
    body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new MarketDataInputError('cursor', MALFORMED);
  }
  if (
    typeof body !== 'object' ||
    body === null ||
    body.v !== CURSOR_VERSION ||
    typeof body.q !== 'string' ||
    typeof body.k !== 'string'
  ) {
    throw new MarketDataInputError('cursor', MALFORMED);
  }
  if (body.q !== digest(scope)) {
    throw new MarketDataInputError(
      'cursor',
      'belongs to another query: keep every other parameter as it was on the first page',
    );
  }
  return body.k;
}

/** The key of a cursor read back into its type; a key `read` cannot read is a malformed cursor. */
export function decodeCursorKey<Key>(
  scope: string,
  cursor: string,
  read: (key: string) => Key | undefined,
): Key {
  const key = read(decodeCursor(scope, cursor));
  if (key === undefined) throw new MarketDataInputError('cursor', MALFORMED);
  return key;
}
