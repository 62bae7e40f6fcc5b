/** A JavaScript chunk of the build, as Rollup describes it, with its gzipped size. */
export interface BuiltChunk {
  fileName: string;
  /** Rollup's chunk name: for a page, its module's name (`market-page`). */
  name: string;
  isEntry: boolean;
  /** Chunks it imports statically: loaded with it. */
  imports: string[];
  /** Chunks it may load later (the pages, from the router). */
  dynamicImports: string[];
  gzipBytes: number;
}

export interface FirstLoad {
  /** The page (`market`), or `app` for a build without pages. */
  page: string;
  /** Every chunk a browser must fetch to show the page, entry first. */
  files: string[];
  gzipBytes: number;
}

/**
 * What a browser downloads to show each page on a first visit: the entry, everything it imports
 * statically, and the page's chunk with everything that imports. Each chunk counts once.
 */
export function firstLoads(chunks: readonly BuiltChunk[]): FirstLoad[] {
  const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const closure = (start: string, seen: Set<string>): Set<string> => {
    if (seen.has(start)) return seen;
    const chunk = byFile.get(start);
    if (!chunk) throw new Error(`the build has no chunk ${start}`);
    seen.add(start);
    for (const imported of chunk.imports) closure(imported, seen);
    return seen;
  };
  const entries = chunks.filter((chunk) => chunk.isEntry);
  if (entries.length !== 1) throw new Error(`expected one entry chunk, found ${entries.length}`);
  const initial = closure(entries[0].fileName, new Set());
  const pages = [...initial].flatMap((file) => byFile.get(file)?.dynamicImports ?? []);
  const size = (files: Set<string>) =>
    [...files].reduce((sum, file) => sum + (byFile.get(file)?.gzipBytes ?? 0), 0);
  if (pages.length === 0) return [{ page: 'app', files: [...initial], gzipBytes: size(initial) }];
  return pages.map((page) => {
    const files = closure(page, new Set(initial));
    return {
      page: (byFile.get(page)?.name ?? page).replace(/-page$/, ''),
      files: [...files],
      gzipBytes: size(files),
    };
  });
}
