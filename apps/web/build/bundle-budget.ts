import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { BuiltChunk, firstLoads } from './first-load';

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

/**
 * Prints each page's first-load JavaScript, gzipped, after the build, and fails the build when a
 * page is over the budget.
 */
export function bundleBudget(maxGzipBytes: number): Plugin {
  return {
    name: 'securities-bundle-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks: BuiltChunk[] = Object.values(bundle).flatMap((output) =>
        output.type === 'chunk'
          ? [
              {
                fileName: output.fileName,
                name: output.name,
                isEntry: output.isEntry,
                imports: output.imports,
                dynamicImports: output.dynamicImports,
                gzipBytes: gzipSync(output.code, { level: 9 }).length,
              },
            ]
          : [],
      );
      const loads = firstLoads(chunks);
      const lines = loads.map(
        (load) =>
          `  ${load.page.padEnd(10)} ${kB(load.gzipBytes).padStart(9)}  (${load.files.length} files)`,
      );
      process.stdout.write(
        `web: first-load JavaScript per page, gzipped (budget ${kB(maxGzipBytes)}):\n${lines.join('\n')}\n`,
      );
      const over = loads.filter((load) => load.gzipBytes > maxGzipBytes);
      if (over.length > 0) {
        this.error(
          `first load over the ${kB(maxGzipBytes)} budget: ${over.map((load) => `${load.page} ${kB(load.gzipBytes)}`).join(', ')}`,
        );
      }
    },
  };
}
