/** What Express's and Fastify's requests both tell of the URL asked for. */
export interface RequestUrl {
  url: string;
  /** Express keeps the URL as received here (a router may rewrite `url`). */
  originalUrl?: string;
}

export function requestUrl(request: RequestUrl): string {
  return request.originalUrl ?? request.url;
}

/** What Express's Response and Fastify's Reply both offer for setting a header. */
export interface HeaderSink {
  header(name: string, value: string): unknown;
}

/**
 * RFC 8288 `Link: <...>; rel="next"`: the request's own path and parameters with `cursor` set,
 * relative to the server so it holds behind any proxy.
 */
export function nextLink(requestUrl: string, cursor: string): string {
  const [path, query = ''] = requestUrl.split('?', 2);
  const params = new URLSearchParams(query);
  params.set('cursor', cursor);
  return `<${path}?${params}>; rel="next"`;
}

export function nextLinkHeader(description: string) {
  return { Link: { description, schema: { type: 'string' } } };
}
