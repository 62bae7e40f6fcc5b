import { CsvRow } from '../base-set-tables';
import { moneyText, priceText, quantityText } from '../formats';
import { Position } from '../portfolios/position-model';

/** Every trade of the period, by date, portfolio and security. */
export function transactionRows(positions: readonly Position[]): CsvRow[] {
  return positions
    .flatMap((position) => position.trades.map((trade) => ({ trade, security: position.security })))
    .sort(
      (a, b) =>
        a.trade.date.localeCompare(b.trade.date) ||
        a.trade.portfolioId.localeCompare(b.trade.portfolioId) ||
        a.trade.securityId.localeCompare(b.trade.securityId),
    )
    .map(({ trade, security }, i) => ({
      txn_id: String(i + 1),
      security_id: trade.securityId,
      portfolio_id: trade.portfolioId,
      txn_type: trade.type,
      quantity: quantityText(trade.quantity),
      price: priceText(security, trade.price),
      txn_date: trade.date,
      settlement_date: trade.settlementDate,
      fees: moneyText(trade.fees),
      currency: trade.currency,
    }));
}
