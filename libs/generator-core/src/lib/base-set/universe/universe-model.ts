import type { SecurityStatus, SecurityType } from '@securities/vocabulary';
import {
  CountryCode,
  CurrencyCode,
  EquityProcess,
  FixedRateBond,
  IsoDate,
  RatingAgencyName,
  SectorName,
} from '@securities/market-sim';

export interface IssuerModel {
  issuerId: string;
  name: string;
  /** The distinctive word of the name ("Northgate"), reused by its funds and vehicles. */
  stem: string;
  country: CountryCode;
  sector: SectorName;
  industry: string;
  lei: string;
  /** Letters its bond tickers start with. */
  shortCode: string;
  /** First six characters of its CUSIPs (US and Canadian issuers and US vehicles only). */
  cusipIssuerNumber: string | null;
}

/** How a security's price moves from day to day. */
export type PricingModel =
  /** Shares, ETFs, futures: correlated GBM. */
  | { kind: 'gbm'; process: EquityProcess; averageVolume: number; volumeStep: number }
  /** A fund priced once a day at its NAV, never traded on an exchange. */
  | { kind: 'nav'; process: EquityProcess }
  /** Bonds, CLO and ABS notes: priced from a yield (risk-free + rating spread + extra). */
  | {
      kind: 'bond';
      bond: FixedRateBond;
      /** Whose rating history sets the credit spread. */
      ratedIssuerId: string;
      extraSpread: number;
      averageVolume: number;
    }
  /** Listed options: Black-Scholes on the underlying stock's price path. */
  | {
      kind: 'option';
      underlyingId: string;
      optionKind: 'call' | 'put';
      strike: number;
      averageVolume: number;
    };

export interface SecurityModel {
  securityId: string;
  isin: string;
  cusip: string | null;
  sedol: string | null;
  ticker: string;
  name: string;
  type: SecurityType;
  assetClass: string;
  currency: CurrencyCode;
  exchange: string;
  issuerId: string;
  issueDate: IsoDate;
  maturityDate: IsoDate | null;
  /** Annual coupon as a fraction (bonds, CLO, ABS). */
  couponRate: number | null;
  status: SecurityStatus;
  /** 0.01 for instruments quoted per 100 nominal, 1 for the rest. */
  priceFactor: '1' | '0.01';
  priceDecimals: number;
  /** The sector whose factor drives it (the issuer's, or an index's for futures and funds). */
  riskSector: string;
  pricing: PricingModel;
}

/** A rating action already known when the universe is drawn: the one that happens in the period. */
export interface PlannedRatingAction {
  action: 'UPGRADE' | 'DOWNGRADE';
  notches: number;
  date: IsoDate;
}

export interface RatedIssuer {
  issuerId: string;
  agency: RatingAgencyName;
  /** Rating notch on period 1 (0 = AAA). */
  notchAtPeriod1: number;
  /** How many actions (upgrade, downgrade, affirmation) follow the initial rating before period 1. */
  actionsBeforePeriod1: number;
  inPeriodAction: PlannedRatingAction | null;
}

export interface Universe {
  issuers: IssuerModel[];
  securities: SecurityModel[];
  ratedIssuers: RatedIssuer[];
}
