import { Injectable, NotFoundException } from '@nestjs/common';
import { CreditRatingResponse, ListSecuritiesQuery, SecurityResponse } from '@securities/contracts';
import { DataSource } from 'typeorm';
import { jsonNumber } from '../common/decimal-json';
import { pagedQuery } from '../common/paged-query';
import { Page } from '../common/page';

interface SecurityRow extends Omit<SecurityResponse, 'coupon_rate'> {
  coupon_rate: string | null;
}

const SECURITY_COLUMNS = `s.security_id, s.isin, s.cusip, s.sedol, s.ticker, s.security_name, s.security_type,
  s.asset_class, s.currency, s.exchange, s.issuer_id, s.issue_date, s.maturity_date, s.coupon_rate, s.status`;

function toResponse(row: SecurityRow): SecurityResponse {
  return { ...row, coupon_rate: jsonNumber(row.coupon_rate) };
}

@Injectable()
export class SecuritiesService {
  constructor(private readonly db: DataSource) {}

  async findSecurities(query: ListSecuritiesQuery): Promise<Page<SecurityResponse>> {
    const page = await pagedQuery<SecurityRow>(this.db, {
      from: 'securities_master s JOIN issuer i ON i.issuer_id = s.issuer_id',
      columns: SECURITY_COLUMNS,
      orderBy: 's.security_id',
      filters: {
        's.security_type': query.security_type,
        's.currency': query.currency,
        'i.sector': query.sector,
      },
      limit: query.limit,
      offset: query.offset,
    });
    return page.map(toResponse);
  }

  async findSecurity(securityId: string): Promise<SecurityResponse> {
    const [row] = await this.db.query(
      `SELECT ${SECURITY_COLUMNS} FROM securities_master s WHERE s.security_id = $1`,
      [securityId],
    );
    if (!row) throw new NotFoundException(`Security ${securityId} not found`);
    return toResponse(row);
  }

  /** The credit-rating history of the security's issuer (ratings are by issuer), oldest first. */
  async findRatings(securityId: string): Promise<Page<CreditRatingResponse>> {
    await this.findSecurity(securityId);
    const rows: CreditRatingResponse[] = await this.db.query(
      `SELECT r.rating_id, r.issuer_id, r.rating, r.rating_date, r.agency, r.action
       FROM securities_master s JOIN credit_ratings r ON r.issuer_id = s.issuer_id
       WHERE s.security_id = $1 ORDER BY r.rating_date, r.agency, r.rating_id`,
      [securityId],
    );
    return new Page(rows, rows.length);
  }
}
