import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiServiceUnavailableResponse,
} from '@nestjs/swagger';
import { ErrorResponse } from '@securities/contracts';

/** Every operation: a bad or unknown parameter is a 400 naming it. */
export function ApiBadRequest() {
  return ApiBadRequestResponse({
    type: ErrorResponse,
    description: 'A parameter is invalid or not one the operation declares; the message names it',
    example: {
      statusCode: 400,
      error: 'Bad Request',
      message: 'limit must not be greater than 500',
    },
  });
}

/** An unknown id: the message names it. */
export function ApiNotFound(description: string, message: string) {
  return ApiNotFoundResponse({
    type: ErrorResponse,
    description,
    example: { statusCode: 404, error: 'Not Found', message },
  });
}

/** The database cannot be reached: 503 within about two seconds, with Retry-After. */
export function ApiDatabaseUnavailable() {
  return ApiServiceUnavailableResponse({
    type: ErrorResponse,
    description: 'The database is unreachable; retry after Retry-After seconds',
    headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } },
    example: {
      statusCode: 503,
      error: 'Service Unavailable',
      message: 'The database is unavailable; retry shortly.',
    },
  });
}

/** What every data operation can answer besides its own result. */
export function ApiDataErrors() {
  return applyDecorators(ApiBadRequest(), ApiDatabaseUnavailable());
}
