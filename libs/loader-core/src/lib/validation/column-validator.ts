import { ColumnSchema } from '../schema/load-schema.types';
import {
  checkDate,
  checkDecimal,
  checkInteger,
  checkLength,
  checkOneOf,
  FieldProblem,
  IntegerType,
} from './field-validators';

export type ColumnValidator = (value: string | null) => FieldProblem;

/**
 * The check of one column's fields, chosen from its catalog type. Types without a check here are
 * left to PostgreSQL, whose complaint during COPY still names the line and column.
 */
export function columnValidator(column: ColumnSchema): ColumnValidator {
  const checkType = typeCheck(column);
  const { allowedValues } = column;
  return (value) => {
    if (value === null) {
      return column.nullable ? undefined : 'is empty, but the column is NOT NULL';
    }
    return (
      checkType(value) ??
      (allowedValues !== undefined ? checkOneOf(value, allowedValues) : undefined)
    );
  };
}

function typeCheck(column: ColumnSchema): (value: string) => FieldProblem {
  switch (column.dataType) {
    case 'smallint':
    case 'integer':
    case 'bigint':
      return (value) => checkInteger(value, column.dataType as IntegerType);
    case 'numeric':
      return (value) => checkDecimal(value, column.precision, column.scale);
    case 'date':
      return checkDate;
    case 'character varying':
    case 'character':
      return column.maxLength === null
        ? () => undefined
        : (value) =>
            checkLength(
              value,
              column.maxLength as number,
              column.dataType === 'character' ? 'char' : 'varchar',
            );
    default:
      return () => undefined;
  }
}

/**
 * The form under which PostgreSQL compares a value of this column in keys, so '01' and '1' (or
 * 'AB' and 'AB ' in a char column) are the same key here as in a unique index or foreign key.
 */
export function keyForm(column: ColumnSchema, value: string): string {
  switch (column.dataType) {
    case 'smallint':
    case 'integer':
    case 'bigint':
      return BigInt(value).toString();
    case 'numeric':
      return canonicalDecimal(value);
    case 'character':
      return value.replace(/ +$/, '');
    default:
      return value;
  }
}

function canonicalDecimal(value: string): string {
  const negative = value.startsWith('-');
  const [integer = '', fraction = ''] = value.replace(/^[-+]/, '').split('.');
  const digits = `${integer.replace(/^0+/, '') || '0'}${fraction.replace(/0+$/, '') ? `.${fraction.replace(/0+$/, '')}` : ''}`;
  return negative && digits !== '0' ? `-${digits}` : digits;
}
