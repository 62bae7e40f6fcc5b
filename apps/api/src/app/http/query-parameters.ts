import { OpenAPIObject } from '@nestjs/swagger';
import { FastifyInstance } from 'fastify';
import { sendError } from './error-reply';

/**
 * The query parameters each route declares in the OpenAPI document, which the controllers' DTOs
 * describe: one source, so a parameter is accepted exactly when the contract lists it.
 */
export class DeclaredQueryParameters {
  private readonly byRoute = new Map<string, readonly string[]>();

  /** Reads every operation of the document; call once the document is built. */
  learn(document: OpenAPIObject): void {
    for (const [path, item] of Object.entries(document.paths)) {
      // OpenAPI writes {id}; Fastify's route URL is :id.
      const route = path.replace(/\{(\w+)\}/g, ':$1');
      const parameters = (item.get?.parameters ?? []) as { in?: string; name?: string }[];
      this.byRoute.set(
        route,
        parameters.filter((p) => p.in === 'query' && p.name).map((p) => p.name as string),
      );
    }
  }

  /** Undefined for routes outside the document (Swagger UI's files), which take anything. */
  forRoute(route: string): readonly string[] | undefined {
    return this.byRoute.get(route);
  }
}

/** A query parameter the endpoint does not declare is a 400 naming it, on every endpoint. */
export function rejectUnknownQueryParameters(
  fastify: FastifyInstance,
  declared: DeclaredQueryParameters,
): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    const allowed = declared.forRoute(request.routeOptions.url ?? '');
    const unknown = allowed
      ? Object.keys(request.query as object).find((name) => !allowed.includes(name))
      : undefined;
    if (unknown === undefined) return done();
    const path = (request.routeOptions.url ?? '').replace(/:(\w+)/g, '{$1}');
    sendError(
      reply,
      400,
      `unknown query parameter ${unknown}; ${path} accepts ${allowed?.length ? allowed.join(', ') : 'no query parameters'}`,
    );
  });
}
