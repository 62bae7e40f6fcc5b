/**
 * PostgreSQL numerics arrive as exact strings; the API's JSON carries them as numbers, as the seed
 * did. Every conversion goes through here so a null stays null and nothing else is coerced.
 */
export function jsonNumber(value: string | number): number;
export function jsonNumber(value: string | number | null): number | null;
export function jsonNumber(value: string | number | null): number | null {
  return value === null ? null : Number(value);
}
