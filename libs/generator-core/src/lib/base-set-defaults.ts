import { workspaceRoot } from '@securities/database';
import { join } from 'node:path';

/** The seed the base set is generated with when none is given (CLI, first `npm start`). */
export const DEFAULT_BASE_SEED = 42;

/** Where the base set's CSVs are written and loaded from by default. */
export const DEFAULT_BASE_SET_DIR = join(workspaceRoot, 'data', 'generated');
