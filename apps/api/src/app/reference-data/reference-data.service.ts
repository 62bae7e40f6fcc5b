import { Injectable } from '@nestjs/common';
import {
  CorporateActionResponse,
  FxRateResponse,
  ListCorporateActionsQuery,
  ListFxRatesQuery,
} from '@securities/contracts';
import { DataSource } from 'typeorm';
import { jsonNumber } from '../common/decimal-json';
import { pagedQuery } from '../common/paged-query';
import { Page } from '../common/page';
import { SecuritiesService } from '../securities/securities.service';

@Injectable()
export class ReferenceDataService {
  constructor(
    private readonly db: DataSource,
    private readonly securities: SecuritiesService,
  ) {}

  async findCorporateActions(
    query: ListCorporateActionsQuery,
  ): Promise<Page<CorporateActionResponse>> {
    if (query.security_id) await this.securities.findSecurity(query.security_id);
    const page = await pagedQuery<
      CorporateActionResponse & { ratio: string | null; amount: string | null }
    >(this.db, {
      from: 'corporate_actions',
      columns:
        'action_id, security_id, action_type, ex_date, record_date, payment_date, ratio, amount',
      orderBy: 'ex_date, action_id',
      filters: { security_id: query.security_id, action_type: query.action_type },
      limit: query.limit,
      offset: query.offset,
    });
    return page.map((row) => ({
      ...row,
      ratio: jsonNumber(row.ratio),
      amount: jsonNumber(row.amount),
    }));
  }

  async findFxRates(query: ListFxRatesQuery): Promise<Page<FxRateResponse>> {
    const page = await pagedQuery<Omit<FxRateResponse, 'rate'> & { rate: string }>(this.db, {
      from: 'fx_rates',
      columns: 'rate_id, from_currency, to_currency, rate_date, rate',
      orderBy: 'rate_date, from_currency, to_currency',
      filters: { from_currency: query.from_currency, rate_date: query.rate_date },
      limit: query.limit,
      offset: query.offset,
    });
    return page.map((row) => ({ ...row, rate: jsonNumber(row.rate) }));
  }
}
