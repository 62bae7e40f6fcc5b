import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSpan } from '@securities/market-data';
import { DataSource } from 'typeorm';

interface ContextRow {
  known: boolean;
  first_day: string | null;
  last_day: string | null;
}

/** What every market-data request checks first: the security exists, and which days hold data. */
@Injectable()
export class MarketDataContextService {
  constructor(private readonly db: DataSource) {}

  /** The days with market data; 404 for an unknown security, or when no market data is loaded. */
  async spanFor(securityId?: string): Promise<DataSpan> {
    // One round trip: both ends of idx_ph_date and a primary-key probe.
    const [row]: ContextRow[] = await this.db.query(
      `SELECT ($1::text IS NULL OR EXISTS (SELECT 1 FROM securities_master WHERE security_id = $1)) AS known,
              (SELECT min(price_date) FROM pricing_history) AS first_day,
              (SELECT max(price_date) FROM pricing_history) AS last_day`,
      [securityId ?? null],
    );
    if (!row.known) throw new NotFoundException(`Security ${securityId} not found`);
    if (row.first_day === null || row.last_day === null) {
      throw new NotFoundException(
        'No market data is loaded (pricing_history is empty): run the scale generator first',
      );
    }
    return { first: row.first_day, last: row.last_day };
  }

  /** 404 for an unknown security. */
  async requireSecurity(securityId: string): Promise<void> {
    const rows = await this.db.query('SELECT 1 FROM securities_master WHERE security_id = $1', [
      securityId,
    ]);
    if (rows.length === 0) throw new NotFoundException(`Security ${securityId} not found`);
  }
}
