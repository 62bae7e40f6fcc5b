import { Module } from '@nestjs/common';
import { BarsModule } from '../bars/bars.module';
import { MarketDataModule } from '../market-data/market-data.module';
import { IndicatorsController } from './indicators.controller';
import { IndicatorsService } from './indicators.service';

@Module({
  imports: [MarketDataModule, BarsModule],
  controllers: [IndicatorsController],
  providers: [IndicatorsService],
})
export class IndicatorsModule {}
