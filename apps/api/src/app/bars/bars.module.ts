import { Module } from '@nestjs/common';
import { AdjustmentsModule } from '../adjustments/adjustments.module';
import { MarketDataModule } from '../market-data/market-data.module';
import { BarSourcesService } from './bar-sources.service';
import { BarsController } from './bars.controller';
import { BarsService } from './bars.service';

@Module({
  imports: [MarketDataModule, AdjustmentsModule],
  controllers: [BarsController],
  providers: [BarsService, BarSourcesService],
  exports: [BarsService, BarSourcesService],
})
export class BarsModule {}
