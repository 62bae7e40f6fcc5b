import { Module } from '@nestjs/common';
import { AdjustmentsModule } from '../adjustments/adjustments.module';
import { BarsModule } from '../bars/bars.module';
import { MarketDataModule } from '../market-data/market-data.module';
import { MarketController } from './market.controller';
import { MarketService } from './market.service';

@Module({
  imports: [MarketDataModule, AdjustmentsModule, BarsModule],
  controllers: [MarketController],
  providers: [MarketService],
})
export class MarketModule {}
