import pino, { Level, Logger } from 'pino';
import pretty from 'pino-pretty';

export interface LoggerOptions {
  /** Appears on every line: the program or component that speaks. */
  name: string;
  /** fatal, error, warn, info, debug, trace or silent (default info). */
  level?: Level | 'silent';
}

/**
 * One pino logger for every program: human-readable lines (pino-pretty) when stdout is a terminal,
 * one JSON object per line otherwise, so a pipe or a log collector gets structured records.
 */
export function createLogger({ name, level = 'info' }: LoggerOptions): Logger {
  const destination = process.stdout.isTTY
    ? pretty({
        colorize: true,
        sync: true,
        translateTime: 'SYS:HH:MM:ss.l',
        ignore: 'pid,hostname',
      })
    : pino.destination({ fd: 1, sync: true });
  return pino({ name, level }, destination);
}
