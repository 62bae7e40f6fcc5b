import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpServer,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import { isDatabaseUnavailable } from '@securities/database';
import { FastifyReply } from 'fastify';
import { forgetBodyHeaders } from '../http/http-manners';

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
}

function bodyOf(exception: HttpException): ErrorBody {
  const status = exception.getStatus();
  const response = exception.getResponse();
  const raw =
    typeof response === 'string'
      ? { message: response }
      : (response as Partial<ErrorBody> & { message?: unknown });
  const message = Array.isArray(raw.message)
    ? raw.message.join('; ')
    : String(raw.message ?? exception.message);
  return { statusCode: status, error: raw.error ?? HttpStatus[status] ?? 'Error', message };
}

function isCustomBody(response: string | object): boolean {
  return typeof response === 'object' && !('message' in response);
}

/**
 * One error format for every endpoint: { statusCode, error, message }. Never a stack trace:
 * an unreachable database is a 503, anything unexpected a 500 whose details go to the log only.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  constructor(private readonly http: HttpServer) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<FastifyReply>();
    // Fastify writes the error's JSON type itself (with its charset), as for every other error.
    if (response.raw?.headersSent === false) forgetBodyHeaders(response, true);
    let body: ErrorBody;
    if (exception instanceof HttpException && isCustomBody(exception.getResponse())) {
      // A controller that shapes its own error body (health) is answered as it asked.
      this.http.reply(response, exception.getResponse(), exception.getStatus());
      return;
    }
    if (exception instanceof HttpException) {
      body = bodyOf(exception);
    } else if (isDatabaseUnavailable(exception)) {
      this.logger.warn(`Database unavailable: ${(exception as Error).message}`);
      body = {
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'The database is unavailable; retry shortly.',
      };
    } else {
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
      );
      body = { statusCode: 500, error: 'Internal Server Error', message: 'Internal server error' };
    }
    if (body.statusCode === 503) this.http.setHeader(response, 'Retry-After', '5');
    this.http.reply(response, body, body.statusCode);
  }
}
