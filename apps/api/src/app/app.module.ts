import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import {
  AppConfig,
  buildDataSourceOptions,
  ConnectionSettings,
  ReadReplicas,
  ReplicatedDataSource,
} from '@securities/database';
import { DataSourceOptions } from 'typeorm';
import { AdjustmentsModule } from './adjustments/adjustments.module';
import { BarsModule } from './bars/bars.module';
import { HealthModule } from './health/health.module';
import { IndicatorsModule } from './indicators/indicators.module';
import { MarketModule } from './market/market.module';
import { PortfoliosModule } from './portfolios/portfolios.module';
import { ReferenceDataModule } from './reference-data/reference-data.module';
import { ReplayModule } from './replay/replay.module';
import { RiskMetricsModule } from './risk-metrics/risk-metrics.module';
import { SecuritiesModule } from './securities/securities.module';
import { SnapshotModule } from './snapshot/snapshot.module';
import { TicksModule } from './ticks/ticks.module';
import { VarianceModule } from './variance/variance.module';
import { WebAppModule } from './web-app/web-app.module';

export interface ApiOptions {
  config: AppConfig;
  /** The read-only role's connection: the API never writes. */
  connection: ConnectionSettings;
}

export interface AppModuleOptions extends ApiOptions {
  /** Where reads go: the replicas in rotation, else the primary (`connection`). */
  replicas: ReadReplicas;
}

/**
 * A database that is gone is a 503 at once (connection refused), or after 5 s when it does not
 * answer (see HttpExceptionFilter). Under load, requests wait for a busy pool as long as a
 * statement may run, and the pool keeps its connections: reopening them in every burst, on a
 * machine already busy, is what made connecting time out. A connection the server ends just as
 * the pool hands it out fails that request, as any lost connection does, not the process.
 */
const DATABASE_LIMITS = {
  poolSize: 10,
  connectTimeoutMs: 5_000,
  queueTimeoutMs: 10_000,
  statementTimeoutMs: 10_000,
  keepIdleConnections: true,
  survivesLostConnections: true,
};

@Module({})
export class AppModule {
  static forRoot({ config, connection, replicas }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      // ReadReplicas for every module (health reports it, the COPY streams read through it).
      global: true,
      providers: [{ provide: ReadReplicas, useValue: replicas }],
      exports: [ReadReplicas],
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            ...buildDataSourceOptions(config, connection, {
              ...DATABASE_LIMITS,
              applicationName: 'securities-api',
              replicas: replicas.connections,
            }),
            migrations: [],
            retryAttempts: 3,
            retryDelay: 1_000,
          }),
          dataSourceFactory: async (options) =>
            new ReplicatedDataSource(options as DataSourceOptions, replicas),
        }),
        HealthModule,
        SecuritiesModule,
        PortfoliosModule,
        VarianceModule,
        ReferenceDataModule,
        BarsModule,
        AdjustmentsModule,
        TicksModule,
        MarketModule,
        SnapshotModule,
        IndicatorsModule,
        ReplayModule,
        WebAppModule,
        RiskMetricsModule,
      ],
    };
  }
}
