import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createTestDatabase, TestDatabase } from '@securities/database/testing';
import { CsvLoadError, loadCsvDirectory } from '@securities/loader-core';
import { prepareBaseSet, PreparedBaseSet } from './support/base-set';
import {
  copyCsvDir,
  editLines,
  getField,
  plainLine,
  removeCsvDir,
  setField,
} from './support/csv-edits';
import { snapshotDatabase } from './support/database-snapshot';

interface Expected {
  file: string;
  line?: number;
  column?: string;
  message: string | RegExp;
}

/** Each case breaks one file of a copy of a good base set and says what the loader must report. */
const CORRUPTIONS: { name: string; corrupt: (dir: string) => Expected }[] = [
  {
    name: 'a missing file',
    corrupt: (dir) => {
      rmSync(join(dir, 'fx_rates.csv'));
      return { file: 'fx_rates.csv', message: `fx_rates.csv: file not found in ${dir}` };
    },
  },
  {
    name: 'a missing column',
    corrupt: (dir) => {
      editLines(join(dir, 'holdings_period_2.csv'), (lines) =>
        lines.map((line) =>
          line
            .split(',')
            .filter((_, i) => i !== 5)
            .join(','),
        ),
      );
      return {
        file: 'holdings_period_2.csv',
        line: 1,
        column: 'weight',
        message:
          'holdings_period_2.csv line 1, column weight: column is missing from the header; expected the header holding_id,security_id,portfolio_id,quantity,market_value,weight,cost_basis,accrued_interest,as_of_date',
      };
    },
  },
  {
    name: 'an extra column',
    corrupt: (dir) => {
      editLines(join(dir, 'portfolio.csv'), (lines) =>
        lines.map((line, i) => `${line},${i === 0 ? 'manager' : 'J. Smith'}`),
      );
      return {
        file: 'portfolio.csv',
        line: 1,
        column: 'manager',
        message:
          'portfolio.csv line 1, column manager: column is not in the table; expected the header portfolio_id,portfolio_name,portfolio_type,benchmark,inception_date,currency',
      };
    },
  },
  {
    name: 'a bad number (not a decimal)',
    corrupt: (dir) => {
      const file = join(dir, 'holdings_period_1.csv');
      const line = plainLine(file, 2);
      setField(file, line, 'quantity', '12O0.5');
      return {
        file: 'holdings_period_1.csv',
        line,
        column: 'quantity',
        message: `holdings_period_1.csv line ${line}, column quantity: '12O0.5' is not a decimal number`,
      };
    },
  },
  {
    name: 'a bad number (more decimal places than the column keeps)',
    corrupt: (dir) => {
      const file = join(dir, 'variance_summary.csv');
      const line = plainLine(file, 3);
      setField(file, line, 'mv_end', '1000.005');
      return {
        file: 'variance_summary.csv',
        line,
        column: 'mv_end',
        message: `variance_summary.csv line ${line}, column mv_end: '1000.005' has 3 decimal places; numeric(20,2) allows 2`,
      };
    },
  },
  {
    name: 'a bad number (not an integer)',
    corrupt: (dir) => {
      const file = join(dir, 'pricing_period_2.csv');
      const line = plainLine(file, 1);
      setField(file, line, 'volume', '1200.5');
      return {
        file: 'pricing_period_2.csv',
        line,
        column: 'volume',
        message: `pricing_period_2.csv line ${line}, column volume: '1200.5' is not an integer`,
      };
    },
  },
  {
    name: 'a bad date (no such day)',
    corrupt: (dir) => {
      const file = join(dir, 'pricing_period_1.csv');
      const line = plainLine(file, 2);
      setField(file, line, 'price_date', '2025-02-30');
      return {
        file: 'pricing_period_1.csv',
        line,
        column: 'price_date',
        message: `pricing_period_1.csv line ${line}, column price_date: '2025-02-30' is not a calendar date`,
      };
    },
  },
  {
    name: 'a bad date (not YYYY-MM-DD)',
    corrupt: (dir) => {
      const file = join(dir, 'transactions.csv');
      const line = plainLine(file, 1);
      setField(file, line, 'txn_date', '31/03/2025');
      return {
        file: 'transactions.csv',
        line,
        column: 'txn_date',
        message: `transactions.csv line ${line}, column txn_date: '31/03/2025' is not a date (expected YYYY-MM-DD)`,
      };
    },
  },
  {
    name: 'an unknown enum value',
    corrupt: (dir) => {
      const file = join(dir, 'securities_master.csv');
      const line = plainLine(file, 2);
      setField(file, line, 'security_type', 'STOCK');
      return {
        file: 'securities_master.csv',
        line,
        column: 'security_type',
        message: `securities_master.csv line ${line}, column security_type: 'STOCK' is not one of EQUITY, BOND, OPTION, FUTURE, CLO, ABS, ETF, FUND`,
      };
    },
  },
  {
    name: 'a broken foreign key',
    corrupt: (dir) => {
      const file = join(dir, 'holdings_period_2.csv');
      const line = plainLine(file, 2);
      setField(file, line, 'security_id', 'SEC-9999');
      return {
        file: 'holdings_period_2.csv',
        line,
        column: 'security_id',
        message: `holdings_period_2.csv line ${line}, column security_id: 'SEC-9999' is not a security_id in securities_master.csv (foreign key holdings_period_2_security_id_fkey)`,
      };
    },
  },
  {
    name: 'a duplicate key',
    corrupt: (dir) => {
      const file = join(dir, 'securities_master.csv');
      const first = plainLine(file, 1);
      const line = plainLine(file, 2);
      setField(file, line, 'isin', getField(file, first, 'isin'));
      return {
        file: 'securities_master.csv',
        line,
        column: 'isin',
        message: new RegExp(
          `^securities_master.csv line ${line}, column isin: duplicate '\\w{12}': line ${first} has the same isin \\(unique key idx_sm_isin\\)$`,
        ),
      };
    },
  },
  {
    name: 'an empty field in a NOT NULL column',
    corrupt: (dir) => {
      const file = join(dir, 'portfolio.csv');
      const line = plainLine(file, 1);
      setField(file, line, 'benchmark', '');
      return {
        file: 'portfolio.csv',
        line,
        column: 'benchmark',
        message: `portfolio.csv line ${line}, column benchmark: is empty, but the column is NOT NULL`,
      };
    },
  },
  {
    name: 'a truncated last line (fewer fields)',
    corrupt: (dir) => {
      let line = 0;
      editLines(join(dir, 'fx_rates.csv'), (lines) => {
        line = lines.length;
        const last = lines[lines.length - 1] as string;
        return [...lines.slice(0, -1), last.slice(0, last.indexOf(',', last.indexOf(',') + 1) + 3)];
      });
      return {
        file: 'fx_rates.csv',
        line,
        column: 'rate_date',
        message: `fx_rates.csv line ${line}, column rate_date: expected 5 fields, found 3: the line ends before this column (is the file truncated?)`,
      };
    },
  },
  {
    name: 'a truncated last line (unclosed quote)',
    corrupt: (dir) => {
      let line = 0;
      editLines(join(dir, 'credit_ratings.csv'), (lines) => {
        line = lines.length;
        const last = lines[lines.length - 1] as string;
        return [...lines.slice(0, -1), `${last.slice(0, last.indexOf(',') + 1)}"A`];
      });
      return {
        file: 'credit_ratings.csv',
        line,
        message: `credit_ratings.csv line ${line}: a quoted field is never closed (is the file truncated?)`,
      };
    },
  },
  {
    name: 'a line with more fields than the header',
    corrupt: (dir) => {
      const file = join(dir, 'corporate_actions.csv');
      const line = plainLine(file, 1);
      editLines(file, (lines) => lines.map((l, i) => (i === line - 1 ? `${l},` : l)));
      return {
        file: 'corporate_actions.csv',
        line,
        message: `corporate_actions.csv line ${line}: expected 8 fields, found 9: the line has more fields than the header`,
      };
    },
  },
  {
    name: 'an empty file',
    corrupt: (dir) => {
      editLines(join(dir, 'risk_metrics.csv'), () => []);
      return {
        file: 'risk_metrics.csv',
        line: 1,
        message:
          'risk_metrics.csv line 1: the file is empty; expected the header metric_id,security_id,portfolio_id,var_95,var_99,beta,duration,convexity,volatility,as_of_date',
      };
    },
  },
  {
    name: 'a CHECK across columns the database finds (low_price > high_price)',
    corrupt: (dir) => {
      const file = join(dir, 'pricing_period_2.csv');
      const line = plainLine(file, 3);
      setField(
        file,
        line,
        'low_price',
        (Number(getField(file, line, 'high_price')) + 1).toFixed(6),
      );
      return {
        file: 'pricing_period_2.csv',
        line,
        message: `pricing_period_2.csv line ${line}: the row violates pricing_period_2_bar_check on open_price, high_price, low_price, close_price, vwap: CHECK (((low_price <= LEAST(open_price, close_price)) AND (high_price >= GREATEST(open_price, close_price)) AND ((vwap >= low_price) AND (vwap <= high_price))))`,
      };
    },
  },
  {
    name: 'a CHECK on one column the database finds (negative fees)',
    corrupt: (dir) => {
      const file = join(dir, 'transactions.csv');
      const line = plainLine(file, 1);
      setField(file, line, 'fees', '-0.01');
      return {
        file: 'transactions.csv',
        line,
        column: 'fees',
        message: `transactions.csv line ${line}, column fees: the row violates transactions_fees_check on fees: CHECK ((fees >= (0)::numeric))`,
      };
    },
  },
];

describe('corrupted CSV files are rejected with file, line and column, and nothing changes', () => {
  let db: TestDatabase;
  let baseSet: PreparedBaseSet;
  let loaded: Awaited<ReturnType<typeof snapshotDatabase>>;

  beforeAll(async () => {
    db = await createTestDatabase();
    baseSet = await prepareBaseSet();
    await loadCsvDirectory({ dir: baseSet.dir, dataSource: db.dataSource });
    loaded = await snapshotDatabase(db.dataSource);
  });
  afterAll(async () => {
    baseSet.remove();
    await db.drop();
  });

  it.each(CORRUPTIONS.map((c) => [c.name, c] as const))('%s', async (_name, corruption) => {
    const dir = copyCsvDir(baseSet.dir);
    try {
      const expected = corruption.corrupt(dir);
      for (const dryRun of [false, true]) {
        const error = await loadCsvDirectory({ dir, dataSource: db.dataSource, dryRun }).catch(
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(CsvLoadError);
        const { file, line, column, message } = error as CsvLoadError;
        expect({ file, line, column }).toEqual({
          file: expected.file,
          line: expected.line,
          column: expected.column,
        });
        expect(message).toMatch(
          typeof expected.message === 'string' ? exactly(expected.message) : expected.message,
        );
        expect(await snapshotDatabase(db.dataSource)).toEqual(loaded);
      }
    } finally {
      removeCsvDir(dir);
    }
  });
});

const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
