import { ApiNotFoundResponse, OpenAPIObject } from '@nestjs/swagger';
import { ErrorResponse } from '@securities/contracts';
import { STATUS_CODES } from 'node:http';

/** An unknown id: the message names it. */
export function ApiNotFound(description: string, message: string) {
  return ApiNotFoundResponse({
    type: ErrorResponse,
    description,
    example: { statusCode: 404, error: 'Not Found', message },
  });
}

interface ResponseObject {
  description: string;
  headers?: Record<string, object>;
  content?: Record<string, { schema?: object; example?: unknown }>;
}

const ERROR_SCHEMA = { $ref: '#/components/schemas/ErrorResponse' };

function errorResponse(status: number, description: string, message: string): ResponseObject {
  return {
    description,
    content: {
      'application/json': {
        schema: ERROR_SCHEMA,
        example: { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message },
      },
    },
  };
}

/**
 * What every operation can answer, said once for all of them (and for operations added later):
 * - 400: any operation rejects an undeclared or invalid parameter (http/query-parameters.ts);
 * - 503: a data operation whose database is unreachable (with Retry-After);
 * - every error response gets an example of its own status when its decorator gave none.
 */
export function completeErrorResponses(document: OpenAPIObject): void {
  for (const [path, item] of Object.entries(document.paths)) {
    const operation = item.get;
    if (!operation) continue;
    const responses = operation.responses as Record<string, ResponseObject>;
    responses['400'] ??= errorResponse(
      400,
      'A parameter is invalid or not one the operation declares; the message names it',
      'limit must not be greater than 500',
    );
    if (!path.endsWith('/health')) {
      responses['503'] ??= {
        ...errorResponse(
          503,
          'The database is unreachable; retry after Retry-After seconds',
          'The database is unavailable; retry shortly.',
        ),
        headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } },
      };
    }
    for (const [status, response] of Object.entries(responses)) {
      const code = Number(status);
      if (code < 400) continue;
      const json = (response.content ??= {})['application/json'] ?? { schema: ERROR_SCHEMA };
      response.content['application/json'] = json;
      json.example ??= {
        statusCode: code,
        error: STATUS_CODES[code] ?? 'Error',
        message: response.description,
      };
    }
  }
}
