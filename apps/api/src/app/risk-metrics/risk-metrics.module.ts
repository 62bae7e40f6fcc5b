import { Module } from '@nestjs/common';
import { PortfoliosModule } from '../portfolios/portfolios.module';
import { SecuritiesModule } from '../securities/securities.module';
import { RiskMetricsController } from './risk-metrics.controller';
import { RiskMetricsService } from './risk-metrics.service';

@Module({
  imports: [PortfoliosModule, SecuritiesModule],
  controllers: [RiskMetricsController],
  providers: [RiskMetricsService],
})
export class RiskMetricsModule {}
