import { CreateCoreTables1732500000000 } from './1732500000000-CreateCoreTables';
import { CreateScaleTables1732500000100 } from './1732500000100-CreateScaleTables';
import { createTickDataMigration } from './1732500000200-CreateTickData';
import { createReadonlyRoleMigration } from './1732500000300-CreateReadonlyRole';
import { CreateScaleLedger1732500000400 } from './1732500000400-CreateScaleLedger';
import { CreateDataVersion1732500000500 } from './1732500000500-CreateDataVersion';
import { CompressTickData1732500000600 } from './1732500000600-CompressTickData';
import { CreateTickBars1732500000610 } from './1732500000610-CreateTickBars';
import { IndexTransactionsByPortfolioDate1732500000900 } from './1732500000900-IndexTransactionsByPortfolioDate';
import { createDistributeOnCitusMigration } from './1732500001000-DistributeOnCitus';
import { SchemaSettings } from './schema-settings';

export type { SchemaSettings } from './schema-settings';

/** Every migration, in order. Three take settings from the configuration (role, tick range). */
export function schemaMigrations(settings: SchemaSettings) {
  return [
    CreateCoreTables1732500000000,
    CreateScaleTables1732500000100,
    createTickDataMigration(settings),
    createReadonlyRoleMigration(settings),
    CreateScaleLedger1732500000400,
    CreateDataVersion1732500000500,
    CompressTickData1732500000600,
    CreateTickBars1732500000610,
    IndexTransactionsByPortfolioDate1732500000900,
    createDistributeOnCitusMigration(settings),
  ];
}
