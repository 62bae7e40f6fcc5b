import { Module } from '@nestjs/common';
import { PortfoliosModule } from '../portfolios/portfolios.module';
import { SecuritiesModule } from '../securities/securities.module';
import { VarianceController } from './variance.controller';
import { VarianceService } from './variance.service';

@Module({
  imports: [PortfoliosModule, SecuritiesModule],
  controllers: [VarianceController],
  providers: [VarianceService],
})
export class VarianceModule {}
