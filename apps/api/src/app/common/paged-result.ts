import { Response } from 'express';

/** A page of a list endpoint and the number of rows matching the filters, for X-Total-Count. */
export interface PagedResult<T> {
  rows: T[];
  total: number;
}

export const TOTAL_COUNT_HEADER = 'X-Total-Count';

/** Sends the total in the header and returns the array, as list endpoints answer. */
export function sendPage<T>(response: Response, page: PagedResult<T>): T[] {
  response.setHeader(TOTAL_COUNT_HEADER, String(page.total));
  return page.rows;
}

/** The OpenAPI description of the X-Total-Count header, for @ApiOkResponse({ headers }). */
export function totalCountHeader(description: string) {
  return { [TOTAL_COUNT_HEADER]: { description, schema: { type: 'integer' } } };
}
