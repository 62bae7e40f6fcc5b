import { LoggerService } from '@nestjs/common';
import { Logger } from 'pino';

/**
 * Nest's own messages through the platform's pino logger. Nest's `log` level is its start-up
 * chatter (modules, mapped routes): debug here, so a terminal shows what matters.
 */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  private write(
    level: 'debug' | 'info' | 'warn' | 'error' | 'trace',
    message: unknown,
    context: unknown[],
  ) {
    const scope = context.length > 0 ? context[context.length - 1] : undefined;
    this.logger[level](typeof scope === 'string' ? { context: scope } : {}, String(message));
  }

  log(message: unknown, ...context: unknown[]): void {
    this.write('debug', message, context);
  }
  error(message: unknown, ...context: unknown[]): void {
    // Nest passes (message, stack, context) for errors.
    const [stack] = context;
    this.write('error', context.length > 1 && stack ? `${message}\n${stack}` : message, context);
  }
  warn(message: unknown, ...context: unknown[]): void {
    this.write('warn', message, context);
  }
  debug(message: unknown, ...context: unknown[]): void {
    this.write('debug', message, context);
  }
  verbose(message: unknown, ...context: unknown[]): void {
    this.write('trace', message, context);
  }
}
