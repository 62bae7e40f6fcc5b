import { LoadSchema } from '../schema/load-schema.types';

/** Joins the key forms of a multi-column key; the separator cannot occur in CSV text we accept. */
export const joinKey = (parts: readonly string[]): string => parts.join('\u001f');

const keyId = (table: string, columns: readonly string[]) => `${table}(${columns.join(',')})`;

/**
 * The keys that foreign keys point at, collected from each referenced table's file while it is
 * validated, so a referencing file (validated later, in load order) can be checked against them.
 * The load replaces every table it touches, so the file is the whole truth about its keys.
 */
export class ReferencedKeys {
  private readonly keys = new Map<string, Set<string>>();
  private readonly wanted = new Map<string, string[][]>();

  constructor(schema: LoadSchema) {
    for (const table of schema.tables.values()) {
      for (const fk of table.foreignKeys) {
        if (!schema.tables.has(fk.referencedTable)) continue;
        const id = keyId(fk.referencedTable, fk.referencedColumns);
        if (this.keys.has(id)) continue;
        this.keys.set(id, new Set());
        this.wanted.set(fk.referencedTable, [
          ...(this.wanted.get(fk.referencedTable) ?? []),
          fk.referencedColumns,
        ]);
      }
    }
  }

  /** Column lists of `table` that some foreign key references. */
  keysToCollect(table: string): string[][] {
    return this.wanted.get(table) ?? [];
  }

  add(table: string, columns: readonly string[], key: string): void {
    this.keys.get(keyId(table, columns))?.add(key);
  }

  /** Undefined when the referenced table is not part of the load (then the database decides). */
  has(table: string, columns: readonly string[], key: string): boolean | undefined {
    return this.keys.get(keyId(table, columns))?.has(key);
  }
}
