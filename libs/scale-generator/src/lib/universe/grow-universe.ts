import {
  bondName,
  bondTicker,
  COUNTRIES,
  COUNTRY_CODES,
  couponText,
  CountryCode,
  createCompanyNamer,
  createIdentifierFactory,
  createRandomSource,
  createTickerAllocator,
  EXCHANGES,
  ExchangeKey,
  futureName,
  futureTicker,
  IdentifierFactory,
  issuerId,
  noteTicker,
  optionName,
  optionTicker,
  RandomSource,
  SECTOR_NAMES,
  SECTORS,
  securityId,
} from '@securities/market-sim';
import { Queryable } from '@securities/database';
import { ASSET_CLASSES, SecurityType } from '@securities/vocabulary';
import { FULL_TYPE_MIX, ScaleProfile, TypeBucket } from '../profiles/scale-profiles';

interface IssuerRow {
  issuer_id: string;
  issuer_name: string;
  country: CountryCode;
  sector: string;
  industry: string;
  lei: string;
}

type SecurityRow = Record<string, string | null>;

const rows = async <T>(db: Queryable, sql: string, parameters?: unknown[]): Promise<T[]> =>
  (await db.query(sql, parameters)) as T[];

/** Per type bucket, how many securities the universe of the given size holds (largest remainder). */
export function typeTargets(universe: number): Record<TypeBucket, number> {
  const buckets = Object.keys(FULL_TYPE_MIX) as TypeBucket[];
  const total = buckets.reduce((sum, bucket) => sum + FULL_TYPE_MIX[bucket].count, 0);
  const exact = buckets.map((bucket) => (FULL_TYPE_MIX[bucket].count * universe) / total);
  const targets = exact.map(Math.floor);
  let missing = universe - targets.reduce((sum, count) => sum + count, 0);
  const order = exact
    .map((value, index) => ({ index, fraction: value - Math.floor(value) }))
    .sort((a, b) => b.fraction - a.fraction || a.index - b.index);
  for (const { index } of order) {
    if (missing-- <= 0) break;
    targets[index] += 1;
  }
  return Object.fromEntries(buckets.map((bucket, i) => [bucket, targets[i]])) as Record<
    TypeBucket,
    number
  >;
}

function bucketOf(securityType: string): TypeBucket {
  const found = (Object.keys(FULL_TYPE_MIX) as TypeBucket[]).find((bucket) =>
    (FULL_TYPE_MIX[bucket].types as readonly string[]).includes(securityType),
  );
  return found ?? 'other';
}

/** Identifiers that must not repeat the base set's, drawn until new (deterministic). */
function freshIdentifiers(
  factory: IdentifierFactory,
  taken: Set<string>,
  cusipPrefixes: Set<string>,
) {
  const fresh = (draw: () => string) => {
    for (;;) {
      const value = draw();
      if (!taken.has(value)) {
        taken.add(value);
        return value;
      }
    }
  };
  return {
    cusipIssuer: () => {
      for (;;) {
        const number = factory.cusipIssuerNumber();
        if (!cusipPrefixes.has(number)) return number;
      }
    },
    fresh,
  };
}

/**
 * Grows securities_master (and issuer) to the profile's universe with the seed's type mix: new
 * issuers over the 15 countries, then securities by type, with real-looking names and tickers and
 * identifiers carrying valid check digits. Deterministic for (seed, universe size).
 */
export async function growUniverse(db: Queryable, profile: ScaleProfile): Promise<number> {
  const random = createRandomSource(profile.seed, `scale/universe/${profile.universe}`);
  const factory = createIdentifierFactory(random);
  const namer = createCompanyNamer(random);
  const tickers = createTickerAllocator(random);
  const issuers = await rows<IssuerRow>(db, 'SELECT * FROM issuer ORDER BY issuer_id');
  const securities = await rows<SecurityRow>(
    db,
    'SELECT security_id, security_type, isin, cusip, sedol FROM securities_master ORDER BY security_id',
  );
  // Identifier kinds differ in length (CUSIP 9, ISIN 12, SEDOL 7, LEI 20): one set holds them all.
  const taken = new Set<string>();
  const cusipPrefixes = new Set<string>();
  for (const security of securities) {
    for (const key of ['isin', 'cusip', 'sedol'] as const) {
      if (security[key]) taken.add(String(security[key]));
    }
    if (security.cusip) cusipPrefixes.add(security.cusip.slice(0, 6));
  }
  for (const issuer of issuers) taken.add(issuer.lei);
  const ids = freshIdentifiers(factory, taken, cusipPrefixes);

  const newIssuers: IssuerRow[] = [];
  let issuerNumber = issuers.length;
  while (issuers.length + newIssuers.length < profile.issuers) {
    const country = random.pick(COUNTRY_CODES);
    const sector = SECTORS[random.pick(SECTOR_NAMES)];
    const industry = random.pick(sector.industries);
    const name = namer.next(country, industry);
    issuerNumber += 1;
    newIssuers.push({
      issuer_id: issuerId(issuerNumber),
      issuer_name: name.name,
      country,
      sector: sector.name,
      industry: industry.name,
      lei: ids.fresh(() => factory.lei(country)),
    });
  }
  const allIssuers = [...issuers, ...newIssuers];
  const withoutEquity = [...newIssuers];
  const cusipIssuerNumbers = new Map<string, string>();
  const cusipNumber = (issuer: IssuerRow) => {
    let number = cusipIssuerNumbers.get(issuer.issuer_id);
    if (!number) {
      number = ids.cusipIssuer();
      cusipIssuerNumbers.set(issuer.issuer_id, number);
    }
    return number;
  };
  const stem = (issuer: IssuerRow) => issuer.issuer_name.split(/[ ,]/)[0];

  const counts = new Map<TypeBucket, number>();
  for (const security of securities) {
    const bucket = bucketOf(String(security.security_type));
    counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
  }
  const targets = typeTargets(profile.universe);
  const plan: TypeBucket[] = [];
  for (const bucket of Object.keys(targets) as TypeBucket[]) {
    for (let i = counts.get(bucket) ?? 0; i < targets[bucket]; i++) plan.push(bucket);
  }
  const room = profile.universe - securities.length;
  const buckets = random.shuffle(plan).slice(0, Math.max(0, room));

  const newSecurities: SecurityRow[] = [];
  buckets.forEach((bucket, index) => {
    const issuer =
      bucket === 'equity' && withoutEquity.length > 0
        ? withoutEquity.shift()!
        : random.pick(allIssuers);
    newSecurities.push(
      newSecurity(bucket, securityId(securities.length + index + 1), issuer, random, {
        ids,
        taken,
        factory,
        tickers,
        cusipNumber,
        stem,
      }),
    );
  });

  await insertRows(db, 'issuer', newIssuers as unknown as SecurityRow[]);
  await insertRows(db, 'securities_master', newSecurities);
  return newIssuers.length + newSecurities.length;
}

/** security_type and its asset_class, from the one map both universe builders use. */
const typeColumns = (securityType: SecurityType) => ({
  security_type: securityType,
  asset_class: ASSET_CLASSES[securityType],
});

interface Makers {
  ids: ReturnType<typeof freshIdentifiers>;
  taken: Set<string>;
  factory: IdentifierFactory;
  tickers: ReturnType<typeof createTickerAllocator>;
  cusipNumber: (issuer: IssuerRow) => string;
  stem: (issuer: IssuerRow) => string;
}

function newSecurity(
  bucket: TypeBucket,
  securityId: string,
  issuer: IssuerRow,
  random: RandomSource,
  { ids, taken, factory, tickers, cusipNumber, stem }: Makers,
): SecurityRow {
  const country = COUNTRIES[issuer.country];
  const northAmerican = issuer.country === 'US' || issuer.country === 'CA';
  const base = {
    security_id: securityId,
    issuer_id: issuer.issuer_id,
    status: 'ACTIVE',
    cusip: null as string | null,
    sedol: null as string | null,
    maturity_date: null as string | null,
    coupon_rate: null as string | null,
  };
  const year = (from: number, to: number) => random.nextInt(from, to);
  const date = (from: number, to: number) =>
    `${year(from, to)}-${String(random.nextInt(1, 12)).padStart(2, '0')}-${String(random.nextInt(1, 28)).padStart(2, '0')}`;
  switch (bucket) {
    case 'equity':
    case 'other': {
      const fund = bucket === 'other';
      const exchangeKey: ExchangeKey = fund
        ? random.nextBoolean(0.5)
          ? 'NYSE_ARCA'
          : 'NASDAQ'
        : country.equityExchanges[0];
      const exchange = EXCHANGES[exchangeKey];
      const name = fund
        ? `${stem(issuer)} ${random.pick(['Global Equity', 'Dividend Growth', 'Aggregate Bond', 'Quality Factor'])} ${random.nextBoolean(0.5) ? 'ETF' : 'Fund Class I'}`
        : issuer.issuer_name;
      let ticker = tickers.next(fund ? EXCHANGES.NYSE_ARCA : exchange, name);
      const usListed = fund || northAmerican;
      // Each listing gets its own CUSIP issuer number: one issuer may have several share lines.
      if (usListed) base.cusip = ids.fresh(() => factory.cusip(ids.cusipIssuer(), 'shares'));
      if (issuer.country === 'GB' && !fund) base.sedol = ids.fresh(() => factory.sedol());
      // Some countries' ISINs embed the ticker: a base-set clash is resolved by another ticker.
      const nationalIsin = (): string => {
        for (;;) {
          const candidate = factory.isin({ kind: 'national', country: issuer.country, ticker });
          if (!taken.has(candidate)) {
            taken.add(candidate);
            return candidate;
          }
          ticker = tickers.next(exchange, name);
        }
      };
      const isin = usListed
        ? ids.fresh(() =>
            factory.isin({
              kind: 'cusip',
              country: fund ? 'US' : (issuer.country as 'US' | 'CA'),
              cusip: base.cusip!,
            }),
          )
        : base.sedol
          ? ids.fresh(() => factory.isin({ kind: 'sedol', sedol: base.sedol! }))
          : nationalIsin();
      return {
        ...base,
        isin,
        ticker,
        security_name: name,
        ...typeColumns(fund ? (name.endsWith('ETF') ? 'ETF' : 'FUND') : 'EQUITY'),
        currency: fund ? 'USD' : country.currency,
        exchange: exchange.code,
        issue_date: date(1985, 2018),
      };
    }
    case 'bond':
    case 'structured': {
      const structured = bucket === 'structured';
      // Coupons in steps of 1/8 %, from 1.5 % to 7.5 %.
      const couponRate = random.nextInt(12, 60) * 0.00125;
      const maturityYear = year(2026, 2040);
      const maturity = `${maturityYear}-${String(random.nextInt(1, 12)).padStart(2, '0')}-15`;
      const usIssue = northAmerican || structured;
      if (usIssue) base.cusip = ids.fresh(() => factory.cusip(cusipNumber(issuer), 'debt'));
      const isin = usIssue
        ? ids.fresh(() =>
            factory.isin({
              kind: 'cusip',
              country: northAmerican ? (issuer.country as 'US' | 'CA') : 'US',
              cusip: base.cusip!,
            }),
          )
        : ids.fresh(() => factory.isin({ kind: 'eurobond' }));
      const code = tickers.shortCode(issuer.issuer_name);
      const vintage = year(2017, 2019);
      return {
        ...base,
        isin,
        ticker: structured
          ? noteTicker(code, vintage, random.nextInt(1, 3), 'A')
          : bondTicker(code, couponRate, maturity),
        security_name: structured
          ? `${stem(issuer)} ${random.nextBoolean(0.5) ? 'CLO' : 'Auto Receivables Trust'} ${vintage}-1 Class A Notes`
          : bondName(issuer.issuer_name, couponRate, 'Senior Notes', maturity),
        ...typeColumns(structured ? (random.nextBoolean(0.5) ? 'CLO' : 'ABS') : 'BOND'),
        currency: usIssue ? 'USD' : country.currency,
        exchange: 'OTC',
        issue_date: date(2012, 2019),
        maturity_date: maturity,
        coupon_rate: couponText(couponRate),
      };
    }
    case 'derivative': {
      const option = random.nextBoolean(0.6);
      const expiryYear = year(2025, 2027);
      const month = random.nextInt(0, 11);
      const expiry = `${expiryYear}-${String(month + 1).padStart(2, '0')}-19`;
      const strike = random.nextInt(2, 60) * 5;
      const code = tickers.shortCode(issuer.issuer_name);
      const kind = random.nextBoolean(0.5) ? 'call' : 'put';
      return {
        ...base,
        isin: ids.fresh(() => factory.isin({ kind: 'national', country: 'US' })),
        ticker: option ? optionTicker(code, expiry, kind, strike) : futureTicker(code, expiry),
        security_name: option
          ? optionName(issuer.issuer_name, expiry, strike, kind)
          : futureName(`${stem(issuer)} ${issuer.sector} Index Futures`, expiry),
        ...typeColumns(option ? 'OPTION' : 'FUTURE'),
        currency: 'USD',
        exchange: option ? 'CBOE' : 'CME',
        issue_date: date(2018, 2019),
        maturity_date: expiry,
      };
    }
  }
}

async function insertRows(db: Queryable, table: string, records: SecurityRow[]): Promise<void> {
  if (records.length === 0) return;
  const columns = Object.keys(records[0]);
  const values: unknown[] = [];
  const tuples = records.map((record, row) => {
    columns.forEach((column) => values.push(record[column]));
    return `(${columns.map((_, col) => `$${row * columns.length + col + 1}`).join(', ')})`;
  });
  await db.query(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`,
    values,
  );
}
