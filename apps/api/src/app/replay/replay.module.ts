import { Module } from '@nestjs/common';
import { MarketDataModule } from '../market-data/market-data.module';
import { ReplayGateway } from './replay.gateway';
import { ReplayTicksService } from './replay-ticks.service';

@Module({
  imports: [MarketDataModule],
  providers: [ReplayGateway, ReplayTicksService],
})
export class ReplayModule {}
