/** The API, seen from the page: same origin, JSON, errors with the API's own message. */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type QueryValue = string | number | null | undefined;

export interface ApiPage<T> {
  body: T;
  /** X-Total-Count, where the endpoint gives it. */
  total: number | null;
  /** The Link rel="next" URL, while more rows exist. */
  next: string | null;
}

export function apiUrl(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== null && value !== undefined && value !== '') params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

const NEXT_LINK = /<([^>]+)>;\s*rel="next"/;

export async function getPage<T>(url: string, signal?: AbortSignal): Promise<ApiPage<T>> {
  const response = await fetch(url, { headers: { Accept: 'application/json' }, signal });
  if (!response.ok) {
    const body = await response.json().catch(() => null);
    throw new ApiError(
      response.status,
      `${body?.message ?? response.statusText} (${response.status}, ${url})`,
    );
  }
  const total = response.headers.get('X-Total-Count');
  return {
    body: (await response.json()) as T,
    total: total === null ? null : Number(total),
    next: NEXT_LINK.exec(response.headers.get('Link') ?? '')?.[1] ?? null,
  };
}

export async function getJson<T>(
  path: string,
  query: Record<string, QueryValue> = {},
  signal?: AbortSignal,
): Promise<T> {
  return (await getPage<T>(apiUrl(path, query), signal)).body;
}

/** Every row of a list, following its Link pages. */
export async function getAll<T>(
  path: string,
  query: Record<string, QueryValue> = {},
  signal?: AbortSignal,
): Promise<T[]> {
  const rows: T[] = [];
  let url: string | null = apiUrl(path, query);
  while (url !== null) {
    const page: ApiPage<T[]> = await getPage<T[]>(url, signal);
    rows.push(...page.body);
    url = page.next;
  }
  return rows;
}

/** Every row of an offset-paged list (X-Total-Count), `limit` at a time. */
export async function getAllByOffset<T>(
  path: string,
  query: Record<string, QueryValue>,
  limit: number,
  signal?: AbortSignal,
): Promise<T[]> {
  const rows: T[] = [];
  for (;;) {
    const page = await getPage<T[]>(apiUrl(path, { ...query, limit, offset: rows.length }), signal);
    rows.push(...page.body);
    if (page.body.length === 0 || rows.length >= (page.total ?? rows.length)) return rows;
  }
}

/** The newest trading day of the data: the date of the newest daily bar of `securityId`. */
export async function lastTradingDay(securityId: string, signal?: AbortSignal): Promise<string> {
  const [last] = await getJson<{ bar_time: string }[]>(
    `/api/securities/${securityId}/bars`,
    { interval: '1d', sort: 'desc', limit: 1 },
    signal,
  );
  if (!last) throw new Error(`${securityId} has no daily bars: is the data loaded?`);
  return last.bar_time;
}
