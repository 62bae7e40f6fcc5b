/** The file a core table is read from: `<table>.csv` (the generator's CSV contract). */
export const csvFileName = (table: string): string => `${table}.csv`;
