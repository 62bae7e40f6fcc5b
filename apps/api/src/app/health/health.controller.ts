import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { RouteConfig } from '@nestjs/platform-fastify';
import { HealthResponse } from '@securities/contracts';
import { onPrimary, ReadReplicas } from '@securities/database';
import { LiveRouteConfig } from '../http/entity-tags';
import { sharedWhileRunning } from './shared-while-running';

export const SERVICE_NAME = 'securities-platform';
export const SERVICE_VERSION = '1.0.0';
/**
 * The database must answer within this, the pool's wait included. A stopped database fails at
 * once (connection refused); the ping only times out on a server that does not answer, and as a
 * connection attempt does, it gives it 5 s: a shorter limit called a database that was merely
 * busy "down" (a soak run at 64 connections saw it).
 */
const DATABASE_PING_TIMEOUT_MS = 5_000;

@ApiTags('health')
@Controller('health')
export class HealthController {
  /** The primary's ping; checks that arrive while one runs share it (see sharedWhileRunning). */
  private readonly pingPrimary: () => Promise<unknown>;

  constructor(
    private readonly health: HealthCheckService,
    database: TypeOrmHealthIndicator,
    private readonly replicas: ReadReplicas,
  ) {
    this.pingPrimary = sharedWhileRunning(() =>
      onPrimary(() =>
        this.health.check([
          () => database.pingCheck('database', { timeout: DATABASE_PING_TIMEOUT_MS }),
        ]),
      ),
    );
  }

  @Get()
  // Reflects the database right now, not the data: tagged by its body, never by the data version.
  @RouteConfig({ live: true } satisfies LiveRouteConfig)
  @ApiOperation({
    summary: 'Service status and a live database check',
    description:
      'Runs a query against the database (within 5 s; checks that arrive while one runs share ' +
      'it, so every answer comes from a query that finished after it was asked) and reports the ' +
      'service name and version. ' +
      'A 503 with database "down" means the API is up but cannot reach PostgreSQL. With read ' +
      'replicas (DATABASE_REPLICA_URLS), the check is on the primary and `replicas` lists each ' +
      'replica with its state and replication lag.',
  })
  @ApiOkResponse({
    type: HealthResponse,
    description: 'The API is up and the database answers a query',
  })
  @ApiServiceUnavailableResponse({
    type: HealthResponse,
    description: 'The database is unreachable',
    example: {
      status: 'error',
      service: 'securities-platform',
      version: '1.0.0',
      database: 'down',
    },
  })
  async check(): Promise<HealthResponse> {
    const identity = { service: SERVICE_NAME, version: SERVICE_VERSION };
    const replicas = this.replicas.size > 0 ? { replicas: this.replicas.status() } : {};
    try {
      await this.pingPrimary();
    } catch {
      throw new ServiceUnavailableException({
        status: 'error',
        ...identity,
        database: 'down',
        ...replicas,
        statusCode: 503,
      });
    }
    return { status: 'ok', ...identity, database: 'up', ...replicas };
  }
}
