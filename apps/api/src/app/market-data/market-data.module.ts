import { Module } from '@nestjs/common';
import { MarketDataContextService } from './market-data-context.service';
import { MarketDataErrorsInterceptor } from './market-data-errors.interceptor';

/** What the market-data areas share: the security and data-span checks, the error mapping. */
@Module({
  providers: [MarketDataContextService, MarketDataErrorsInterceptor],
  exports: [MarketDataContextService, MarketDataErrorsInterceptor],
})
export class MarketDataModule {}
