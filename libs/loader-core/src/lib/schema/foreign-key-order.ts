/**
 * Orders tables so that every table comes after the tables it references (Kahn's algorithm);
 * among tables free at the same time, the input order is kept. References to tables outside the
 * list, and to the table itself, do not constrain the order.
 */
export function orderByForeignKeys(
  tables: readonly string[],
  references: readonly { table: string; referencedTable: string }[],
): string[] {
  const parents = new Map(tables.map((table) => [table, new Set<string>()]));
  for (const { table, referencedTable } of references) {
    if (table !== referencedTable && parents.has(referencedTable)) {
      parents.get(table)?.add(referencedTable);
    }
  }
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const next = tables.find(
      (table) => !placed.has(table) && [...(parents.get(table) ?? [])].every((p) => placed.has(p)),
    );
    if (next === undefined) {
      const left = tables.filter((table) => !placed.has(table));
      throw new Error(`Foreign keys form a cycle between ${left.join(', ')}: no load order exists`);
    }
    ordered.push(next);
    placed.add(next);
  }
  return ordered;
}
