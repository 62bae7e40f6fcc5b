import { Module } from '@nestjs/common';
import { PerformanceService } from './performance.service';
import { PortfoliosController } from './portfolios.controller';
import { PortfoliosService } from './portfolios.service';

@Module({
  controllers: [PortfoliosController],
  providers: [PortfoliosService, PerformanceService],
  exports: [PortfoliosService],
})
export class PortfoliosModule {}
