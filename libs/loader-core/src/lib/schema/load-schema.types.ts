/** What the loader needs to know about the tables it loads, read from the live database. */
export interface ColumnSchema {
  name: string;
  /** information_schema.columns.data_type, e.g. 'numeric', 'character varying', 'date'. */
  dataType: string;
  maxLength: number | null;
  precision: number | null;
  scale: number | null;
  nullable: boolean;
  /** Allowed values when a CHECK constraint limits the column to a list (CHECK (x IN (...))). */
  allowedValues?: readonly string[];
}

export interface ForeignKey {
  name: string;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
}

/** A primary key, unique constraint or unique index on plain columns. */
export interface UniqueKey {
  name: string;
  columns: string[];
}

export interface CheckConstraint {
  name: string;
  columns: string[];
  /** As pg_get_constraintdef prints it: "CHECK ((low_price > (0)::numeric))". */
  definition: string;
}

export interface TableSchema {
  name: string;
  /** In table order (the migration's), which is the CSV header's order. */
  columns: ColumnSchema[];
  foreignKeys: ForeignKey[];
  uniqueKeys: UniqueKey[];
  checks: CheckConstraint[];
}

export interface LoadSchema {
  /** Referenced tables before the tables that reference them. */
  order: string[];
  tables: Map<string, TableSchema>;
}
