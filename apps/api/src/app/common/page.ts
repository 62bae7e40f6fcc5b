/** Where a page sits in its list: the request's limit and offset, for the Link header. */
export interface PageWindow {
  limit: number;
  offset: number;
}

/**
 * What a list endpoint returns: its rows, the number of rows matching the filters and, when the
 * list pages, its window. The HTTP layer (http/list-headers.ts) sends the rows as the JSON array
 * and the rest as `X-Total-Count` and `Link` headers, so controllers never touch the response.
 */
export class Page<T> {
  constructor(
    readonly rows: T[],
    readonly total: number,
    readonly window?: PageWindow,
  ) {}

  map<U>(convert: (row: T) => U): Page<U> {
    return new Page(this.rows.map(convert), this.total, this.window);
  }
}

export const TOTAL_COUNT_HEADER = 'X-Total-Count';

/** The OpenAPI description of the X-Total-Count header, for @ApiOkResponse({ headers }). */
export function totalCountHeader(description: string) {
  return { [TOTAL_COUNT_HEADER]: { description, schema: { type: 'integer' } } };
}
