import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { bundleBudget } from './build/bundle-budget';

const workspaceRoot = resolve(__dirname, '../..');

/** The first visit to any page downloads at most this much JavaScript, gzipped. */
export const FIRST_LOAD_BUDGET_BYTES = 300 * 1024;

// The workspace's path aliases (@securities/web-model, ...), so the app bundles the pure libs'
// sources as the rest of the workspace reads them.
const { paths } = JSON.parse(readFileSync(resolve(workspaceRoot, 'tsconfig.base.json'), 'utf8'))
  .compilerOptions as { paths: Record<string, [string]> };
const alias = Object.fromEntries(
  Object.entries(paths).map(([name, [target]]) => [name, resolve(workspaceRoot, target)]),
);

export default defineConfig({
  root: __dirname,
  base: '/',
  resolve: { alias },
  build: {
    outDir: resolve(workspaceRoot, 'dist/apps/web'),
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
    chunkSizeWarningLimit: 1024,
  },
  plugins: [bundleBudget(FIRST_LOAD_BUDGET_BYTES)],
  server: {
    proxy: {
      '/api': { target: process.env.API_URL ?? 'http://localhost:8000', ws: true },
    },
  },
});
