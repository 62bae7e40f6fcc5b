/**
 * Pure checks of one CSV field against a PostgreSQL column type. Each returns undefined when the
 * text is acceptable, else the reason, worded to follow "<file> line N, column C: ".
 * They reject what PostgreSQL would reject, and also what it would silently change (a decimal
 * rounded to the column's scale), so a loaded value is always the value in the file.
 */
export type FieldProblem = string | undefined;

const MAX_SHOWN = 60;

/** A field as shown in a message: quoted, and cut short when long. */
export function quoteValue(value: string): string {
  const shown = value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}...` : value;
  return `'${shown}'`;
}

export type IntegerType = 'smallint' | 'integer' | 'bigint';

const INTEGER_RANGES: Record<IntegerType, [bigint, bigint]> = {
  smallint: [-(2n ** 15n), 2n ** 15n - 1n],
  integer: [-(2n ** 31n), 2n ** 31n - 1n],
  bigint: [-(2n ** 63n), 2n ** 63n - 1n],
};

export function checkInteger(value: string, type: IntegerType): FieldProblem {
  if (!/^[-+]?\d+$/.test(value)) return `${quoteValue(value)} is not an integer`;
  const [min, max] = INTEGER_RANGES[type];
  const number = BigInt(value);
  if (number < min || number > max) {
    return `${quoteValue(value)} is out of range for ${type} (${min} .. ${max})`;
  }
  return undefined;
}

const DECIMAL = /^[-+]?(?:(\d+)(?:\.(\d*))?|\.(\d+))$/;

/** numeric(precision, scale); without a precision any plain decimal is accepted. */
export function checkDecimal(
  value: string,
  precision: number | null,
  scale: number | null,
): FieldProblem {
  const match = DECIMAL.exec(value);
  if (!match) return `${quoteValue(value)} is not a decimal number`;
  if (precision === null) return undefined;
  const allowedScale = scale ?? 0;
  const type = `numeric(${precision},${allowedScale})`;
  // Trailing zeros lose nothing when PostgreSQL fits the value to the scale; other digits would.
  const decimals = (match[2] ?? match[3] ?? '').replace(/0+$/, '').length;
  if (decimals > allowedScale) {
    return `${quoteValue(value)} has ${decimals} decimal places; ${type} allows ${allowedScale}`;
  }
  const integerDigits = (match[1] ?? '').replace(/^0+/, '').length;
  if (integerDigits > precision - allowedScale) {
    return `${quoteValue(value)} has ${integerDigits} digits before the decimal point; ${type} allows ${precision - allowedScale}`;
  }
  return undefined;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function checkDate(value: string): FieldProblem {
  const match = ISO_DATE.exec(value);
  if (!match) return `${quoteValue(value)} is not a date (expected YYYY-MM-DD)`;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return `${quoteValue(value)} is not a calendar date`;
  }
  return undefined;
}

/** character varying(n) / character(n): at most n characters (code points, as PostgreSQL counts). */
export function checkLength(value: string, maxLength: number, typeName: string): FieldProblem {
  const length = [...value].length;
  if (length > maxLength) {
    return `${quoteValue(value)} is ${length} characters long; ${typeName}(${maxLength}) allows ${maxLength}`;
  }
  return undefined;
}

export function checkOneOf(value: string, allowed: readonly string[]): FieldProblem {
  return allowed.includes(value)
    ? undefined
    : `${quoteValue(value)} is not one of ${allowed.join(', ')}`;
}
