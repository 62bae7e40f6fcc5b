import { Module } from '@nestjs/common';
import { MarketDataModule } from '../market-data/market-data.module';
import { CopyStreamService } from './copy-stream.service';
import { TicksController } from './ticks.controller';
import { TicksService } from './ticks.service';

@Module({
  imports: [MarketDataModule],
  controllers: [TicksController],
  providers: [TicksService, CopyStreamService],
})
export class TicksModule {}
