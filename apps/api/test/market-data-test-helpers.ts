import { isLosslessNumber, parse } from 'lossless-json';
import { ApiTestContext } from './api-test-context';

/** A JSON body with every number kept as its exact text (a JS number would round it). */
export function exactBody<T = Record<string, string | null>>(text: string): T[] {
  return parse(text, null, (value) => (isLosslessNumber(value) ? value.toString() : value)) as T[];
}

/** Every page of a cursor-paged endpoint, following `Link: <...>; rel="next"` to the end. */
export async function allPages(
  ctx: ApiTestContext,
  firstUrl: string,
): Promise<{ rows: Record<string, string | null>[]; pages: number }> {
  const rows: Record<string, string | null>[] = [];
  let url: string | undefined = firstUrl;
  let pages = 0;
  while (url) {
    const res: { text: string; headers: Record<string, string> } = await ctx.api
      .get(url)
      .expect(200);
    rows.push(...exactBody(res.text));
    pages += 1;
    url = /<([^>]+)>; rel="next"/.exec(res.headers.link ?? '')?.[1];
  }
  return { rows, pages };
}

/** Numeric text compared as numbers: "32.4800" equals "32.48". */
export const sameNumber = (a: string | null, b: string | null) =>
  a === null || b === null ? a === b : Number(a) === Number(b);
