import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

function findWorkspaceRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

/** The monorepo root, so relative paths (data folders, .env) mean the same from any cwd. */
export const workspaceRoot = findWorkspaceRoot(__dirname);
