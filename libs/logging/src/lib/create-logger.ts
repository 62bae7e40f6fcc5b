import pino, { Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger } from 'pino';

/** The levels LOG_LEVEL accepts, most severe first. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface LoggerOptions {
  /** The program's name: the `name` field of every JSON line. */
  name: string;
  level?: LogLevel;
  /** Where lines go (stdout by default); human-readable when it is a terminal, JSON lines otherwise. */
  destination?: NodeJS.WritableStream & { isTTY?: boolean; fd?: number };
}

const WARN_LEVEL = 40;

/**
 * The one way a program prints: a pino logger. In a terminal a line reads as plain text (warnings
 * and errors prefixed with their level); piped or redirected, each line is JSON for machines.
 * Writes are synchronous, so nothing is lost when a program exits at once.
 */
export function createLogger({
  name,
  level = 'info',
  destination = process.stdout,
}: LoggerOptions): Logger {
  if (destination.isTTY) {
    return pino(
      { name, level },
      pretty({
        destination,
        sync: true,
        // Lines read as the program's own words, as before the logger: no colours, no prefixes
        // but the level of a warning or an error.
        colorize: false,
        ignore: 'pid,hostname,time,name,level',
        messageFormat: (log, messageKey) =>
          Number(log.level) >= WARN_LEVEL
            ? `${pino.levels.labels[Number(log.level)]}: ${String(log[messageKey])}`
            : String(log[messageKey]),
      }),
    );
  }
  return pino(
    { name, level },
    destination === process.stdout ? pino.destination({ dest: 1, sync: true }) : destination,
  );
}
