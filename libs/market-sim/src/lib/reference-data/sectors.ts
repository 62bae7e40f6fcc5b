/** The eleven GICS-style sectors the seed's API filters on ("Technology", "Healthcare", ...). */
export const SECTOR_NAMES = [
  'Technology',
  'Healthcare',
  'Financials',
  'Energy',
  'Industrials',
  'Consumer Discretionary',
  'Consumer Staples',
  'Utilities',
  'Materials',
  'Communication Services',
  'Real Estate',
] as const;
export type SectorName = (typeof SECTOR_NAMES)[number];

export interface Industry {
  name: string;
  /** Words a company in the industry puts in its name ("Semiconductor", "Bancorp"). */
  nameWords: readonly string[];
}

export interface Sector {
  name: SectorName;
  industries: readonly Industry[];
  /** Typical annualised volatility of a stock in the sector. */
  annualVolatility: number;
  /** Correlation of a stock's daily shock with the equity market factor. */
  marketLoading: number;
  /** Correlation with the sector's own factor, on top of the market. */
  sectorLoading: number;
}

const industry = (name: string, ...nameWords: string[]): Industry => ({ name, nameWords });

export const SECTORS: Readonly<Record<SectorName, Sector>> = {
  Technology: {
    name: 'Technology',
    annualVolatility: 0.32,
    marketLoading: 0.65,
    sectorLoading: 0.45,
    industries: [
      industry('Semiconductors', 'Semiconductor', 'Micro', 'Silicon'),
      industry('Software', 'Software', 'Systems', 'Data'),
      industry('IT Services', 'Digital', 'Technologies', 'Consulting'),
      industry('Communications Equipment', 'Networks', 'Photonics', 'Wireless'),
    ],
  },
  Healthcare: {
    name: 'Healthcare',
    annualVolatility: 0.26,
    marketLoading: 0.5,
    sectorLoading: 0.45,
    industries: [
      industry('Pharmaceuticals', 'Pharma', 'Pharmaceuticals', 'Therapeutics'),
      industry('Biotechnology', 'Biosciences', 'Genomics', 'Bio'),
      industry('Health Care Equipment', 'Medical', 'Surgical', 'Diagnostics'),
      industry('Health Care Providers', 'Health', 'Care', 'Clinics'),
    ],
  },
  Financials: {
    name: 'Financials',
    annualVolatility: 0.24,
    marketLoading: 0.6,
    sectorLoading: 0.5,
    industries: [
      industry('Banks', 'Bancorp', 'Bank', 'Banking'),
      industry('Insurance', 'Insurance', 'Assurance', 'Re'),
      industry('Asset Management & Custody Banks', 'Asset Management', 'Investments', 'Capital'),
      industry('Financial Exchanges & Data', 'Exchange', 'Markets', 'Clearing'),
    ],
  },
  Energy: {
    name: 'Energy',
    annualVolatility: 0.3,
    marketLoading: 0.45,
    sectorLoading: 0.6,
    industries: [
      industry('Integrated Oil & Gas', 'Petroleum', 'Energy', 'Oil'),
      industry('Oil & Gas Exploration & Production', 'Resources', 'Exploration', 'Hydrocarbons'),
      industry('Oil & Gas Equipment & Services', 'Drilling', 'Offshore', 'Energy Services'),
    ],
  },
  Industrials: {
    name: 'Industrials',
    annualVolatility: 0.24,
    marketLoading: 0.6,
    sectorLoading: 0.4,
    industries: [
      industry('Aerospace & Defense', 'Aerospace', 'Defense', 'Avionics'),
      industry('Machinery', 'Machinery', 'Industries', 'Engineering'),
      industry('Transportation', 'Logistics', 'Rail', 'Freight'),
      industry('Electrical Equipment', 'Electric', 'Automation', 'Power Systems'),
    ],
  },
  'Consumer Discretionary': {
    name: 'Consumer Discretionary',
    annualVolatility: 0.28,
    marketLoading: 0.6,
    sectorLoading: 0.4,
    industries: [
      industry('Automobiles', 'Motors', 'Automotive', 'Mobility'),
      industry('Specialty Retail', 'Retail', 'Stores', 'Outfitters'),
      industry('Hotels, Restaurants & Leisure', 'Resorts', 'Leisure', 'Hospitality'),
      industry('Textiles, Apparel & Luxury Goods', 'Apparel', 'Fashion', 'Maison'),
    ],
  },
  'Consumer Staples': {
    name: 'Consumer Staples',
    annualVolatility: 0.18,
    marketLoading: 0.45,
    sectorLoading: 0.45,
    industries: [
      industry('Food Products', 'Foods', 'Farms', 'Nutrition'),
      industry('Beverages', 'Beverages', 'Breweries', 'Spirits'),
      industry('Household Products', 'Consumer Products', 'Home Care'),
    ],
  },
  Utilities: {
    name: 'Utilities',
    annualVolatility: 0.18,
    marketLoading: 0.35,
    sectorLoading: 0.55,
    industries: [
      industry('Electric Utilities', 'Electric', 'Power', 'Energy'),
      industry('Multi-Utilities', 'Utilities', 'Energy Networks'),
      industry('Water Utilities', 'Water'),
    ],
  },
  Materials: {
    name: 'Materials',
    annualVolatility: 0.27,
    marketLoading: 0.55,
    sectorLoading: 0.5,
    industries: [
      industry('Chemicals', 'Chemicals', 'Chemical'),
      industry('Metals & Mining', 'Mining', 'Metals', 'Minerals'),
      industry('Steel', 'Steel'),
      industry('Construction Materials', 'Cement', 'Building Materials'),
    ],
  },
  'Communication Services': {
    name: 'Communication Services',
    annualVolatility: 0.26,
    marketLoading: 0.6,
    sectorLoading: 0.4,
    industries: [
      industry('Telecommunication Services', 'Telecom', 'Communications', 'Mobile'),
      industry('Media & Entertainment', 'Media', 'Entertainment', 'Studios'),
      industry('Interactive Media & Services', 'Interactive', 'Online', 'Social'),
    ],
  },
  'Real Estate': {
    name: 'Real Estate',
    annualVolatility: 0.22,
    marketLoading: 0.5,
    sectorLoading: 0.5,
    industries: [
      industry('Real Estate Investment Trusts', 'Properties', 'Realty', 'REIT'),
      industry('Real Estate Development', 'Land', 'Estates', 'Developments'),
    ],
  },
};

/** The sector and industry of an issuer whose only business is issuing asset-backed notes. */
export const STRUCTURED_FINANCE_SECTOR: SectorName = 'Financials';
export const STRUCTURED_FINANCE_INDUSTRY = 'Structured Finance Vehicles';

export function findIndustry(sector: SectorName, industryName: string): Industry {
  const found = SECTORS[sector].industries.find((candidate) => candidate.name === industryName);
  if (!found) throw new RangeError(`no industry "${industryName}" in sector ${sector}`);
  return found;
}
