// One array element as PostgreSQL prints it: 'Moody''s'::character varying
const LITERAL = String.raw`'(?:[^']|'')*'(?:::[a-z ]+)?`;
const IN_LIST = new RegExp(
  String.raw`^CHECK \(+"?\w+"?\)?(?:::[a-z ]+)? = ANY \(+ARRAY\[(${LITERAL}(?:, ${LITERAL})*)\]\)?(?:::[a-z ]+\[\])?\)+$`,
);

/**
 * The allowed values of a single-column list CHECK, from its pg_get_constraintdef text, e.g.
 * "CHECK (((agency)::text = ANY ((ARRAY['S&P'::character varying, 'Moody''s'::character varying])::text[])))"
 * gives ['S&P', "Moody's"]. Undefined for any other kind of CHECK (those are left to the database).
 */
export function parseCheckInList(definition: string): string[] | undefined {
  const items = IN_LIST.exec(definition)?.[1];
  if (items === undefined) return undefined;
  return [...items.matchAll(new RegExp(LITERAL, 'g'))].map(([literal]) =>
    literal.slice(1, literal.lastIndexOf("'")).replace(/''/g, "'"),
  );
}
