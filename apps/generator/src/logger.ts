import { createLogger } from '@securities/logging';

/** The generator's output: plain lines in a terminal, JSON lines when piped. */
export const logger = createLogger({ name: 'generator' });
