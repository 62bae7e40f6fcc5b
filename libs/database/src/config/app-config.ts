import { LOG_LEVELS, LogLevel } from '@securities/logging';
import { plainToInstance } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  validateSync,
} from 'class-validator';
import { availableParallelism } from 'node:os';

/** Raised at start-up when an environment variable is invalid; the message names the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The environment the platform reads, with the seed's defaults (section 8). */
class EnvironmentVariables {
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/[^\s]+$/, {
    message: 'DATABASE_URL must look like postgresql://user:password@host:port/database',
  })
  DATABASE_URL?: string;

  /** Streaming replicas the API reads from, comma-separated (see parseReplicaUrls). */
  @IsOptional() @IsString() DATABASE_REPLICA_URLS?: string;

  @IsOptional() @IsString() @IsNotEmpty() POSTGRES_HOST?: string;
  @IsInt() @Min(1) @Max(65535) POSTGRES_PORT = 5432;
  @IsString() @IsNotEmpty() POSTGRES_USER = 'securities_user';
  @IsString() @IsNotEmpty() POSTGRES_PASSWORD = 'securities_pass';
  @Matches(/^[A-Za-z_][A-Za-z0-9_]{0,62}$/, {
    message: 'POSTGRES_DB must be a plain identifier (letters, digits, underscore)',
  })
  POSTGRES_DB = 'securities_platform';

  @Matches(/^[a-z_][a-z0-9_]{0,62}$/, {
    message: 'POSTGRES_READONLY_USER must be a lower-case identifier (letters, digits, underscore)',
  })
  POSTGRES_READONLY_USER = 'securities_reader';
  @IsString() @IsNotEmpty() POSTGRES_READONLY_PASSWORD = 'securities_reader_pass';

  @IsString() @IsNotEmpty() EMBEDDED_POSTGRES_DIR = '.data/postgres';
  @IsInt() @Min(1) @Max(65535) EMBEDDED_POSTGRES_PORT = 54320;

  @IsString() @IsNotEmpty() API_HOST = '0.0.0.0';
  @IsInt() @Min(1) @Max(65535) API_PORT = 8000;
  /** Browser origins allowed to call the API: `*`, or origins separated by commas (port `*` = any). */
  @Matches(/^(\*|https?:\/\/[^\s,]+(\s*,\s*https?:\/\/[^\s,]+)*)$/, {
    message:
      'API_CORS_ORIGINS must be * or origins separated by commas, e.g. http://localhost:*,https://app.example.com',
  })
  API_CORS_ORIGINS = 'http://localhost:*,http://127.0.0.1:*';
  /** One HTTP worker process per core by default. */
  @IsInt() @Min(1) @Max(64) API_WORKERS = availableParallelism();
  /** Megabytes of serialized answers each worker keeps per data version; 0 turns the cache off. */
  @IsInt() @Min(0) @Max(16_384) API_RESPONSE_CACHE_MB = 64;
  @IsIn(LOG_LEVELS) LOG_LEVEL: LogLevel = 'info';

  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'TICK_DATA_FROM must be a date YYYY-MM-DD' })
  TICK_DATA_FROM = '2020-01-01';
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'TICK_DATA_TO must be a date YYYY-MM-DD' })
  TICK_DATA_TO = '2025-03-31';
}

export interface ExternalDatabase {
  kind: 'external';
  host: string;
  port: number;
  database: string;
  user: string;
  password: string;
}

export interface EmbeddedDatabase {
  kind: 'embedded';
  dataDir: string;
  port: number;
  database: string;
  user: string;
  password: string;
}

export type DatabaseTarget = ExternalDatabase | EmbeddedDatabase;

/** A streaming replica of the database: the API logs in to it as the read-only role. */
export interface ReplicaAddress {
  host: string;
  port: number;
  database: string;
}

export interface AppConfig {
  /** Where the data lives: an external server (DATABASE_URL or POSTGRES_HOST) or the embedded one. */
  database: DatabaseTarget;
  /** Hot standbys of `database` that serve the API's reads (DATABASE_REPLICA_URLS); often none. */
  replicas: ReplicaAddress[];
  /** The SELECT-only role the API connects as. */
  readonlyRole: { user: string; password: string };
  api: {
    host: string;
    port: number;
    workers: number;
    corsOrigins: string[];
    /** Bytes of answers each worker may keep; 0: none. */
    responseCacheBytes: number;
  };
  logLevel: LogLevel;
  /** Months of tick_data partitions the migrations create up front. */
  tickDataRange: { from: string; to: string };
}

const INTEGER_VARIABLES = [
  'POSTGRES_PORT',
  'EMBEDDED_POSTGRES_PORT',
  'API_PORT',
  'API_WORKERS',
  'API_RESPONSE_CACHE_MB',
] as const;

function describeValue(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

/**
 * Reads and validates the configuration from an environment (process.env by default).
 * Empty strings count as unset, so `.env` lines like `POSTGRES_HOST=` keep the default.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && value.trim() !== '') raw[key] = value.trim();
  }
  for (const key of INTEGER_VARIABLES) {
    // Strict: "80abc" or "8.5" must fail, not be read as 80.
    if (typeof raw[key] === 'string' && /^-?\d+$/.test(raw[key] as string))
      raw[key] = Number(raw[key]);
  }
  const vars = plainToInstance(EnvironmentVariables, raw, { exposeDefaultValues: true });
  const errors = validateSync(vars, { skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map((error) => {
      const message = Object.values(error.constraints ?? {})[0] ?? 'is invalid';
      return `  ${error.property}: ${message} (got ${describeValue(raw[error.property])})`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  if (vars.TICK_DATA_FROM > vars.TICK_DATA_TO) {
    throw new ConfigError(
      `Invalid configuration:\n  TICK_DATA_TO: must not be before TICK_DATA_FROM (got ${vars.TICK_DATA_FROM} .. ${vars.TICK_DATA_TO})`,
    );
  }

  const database = resolveDatabaseTarget(vars);
  return {
    database,
    replicas: parseReplicaUrls(vars.DATABASE_REPLICA_URLS, database.database),
    readonlyRole: { user: vars.POSTGRES_READONLY_USER, password: vars.POSTGRES_READONLY_PASSWORD },
    api: {
      host: vars.API_HOST,
      port: vars.API_PORT,
      workers: vars.API_WORKERS,
      corsOrigins: vars.API_CORS_ORIGINS.split(',').map((origin) => origin.trim()),
      responseCacheBytes: vars.API_RESPONSE_CACHE_MB * 1024 * 1024,
    },
    logLevel: vars.LOG_LEVEL,
    tickDataRange: { from: vars.TICK_DATA_FROM, to: vars.TICK_DATA_TO },
  };
}

function resolveDatabaseTarget(vars: EnvironmentVariables): DatabaseTarget {
  if (vars.DATABASE_URL) return parseDatabaseUrl(vars.DATABASE_URL);
  const credentials = {
    database: vars.POSTGRES_DB,
    user: vars.POSTGRES_USER,
    password: vars.POSTGRES_PASSWORD,
  };
  if (vars.POSTGRES_HOST) {
    return { kind: 'external', host: vars.POSTGRES_HOST, port: vars.POSTGRES_PORT, ...credentials };
  }
  return {
    kind: 'embedded',
    dataDir: vars.EMBEDDED_POSTGRES_DIR,
    port: vars.EMBEDDED_POSTGRES_PORT,
    ...credentials,
  };
}

function parseDatabaseUrl(url: string): ExternalDatabase {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError('Invalid configuration:\n  DATABASE_URL: is not a valid URL');
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!parsed.hostname || !database || !parsed.username) {
    throw new ConfigError(
      'Invalid configuration:\n  DATABASE_URL: must name a user, a host and a database (postgresql://user:password@host:port/database)',
    );
  }
  return {
    kind: 'external',
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 5432,
    database,
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
  };
}

const REPLICA_URL_FORM = 'postgresql://host:port/database, comma-separated';

/**
 * DATABASE_REPLICA_URLS: `postgresql://host[:port][/database]` per replica, comma-separated. A
 * physical standby has the primary's roles, so the API logs in as POSTGRES_READONLY_USER there
 * too: a user in the URL would be the owner's and is refused rather than silently ignored. The
 * database defaults to the primary's.
 */
export function parseReplicaUrls(value: string | undefined, database: string): ReplicaAddress[] {
  if (!value) return [];
  return value.split(',').map((item) => {
    const text = item.trim();
    const fail = (why: string): never => {
      throw new ConfigError(
        `Invalid configuration:\n  DATABASE_REPLICA_URLS: ${JSON.stringify(text)} ${why} (${REPLICA_URL_FORM})`,
      );
    };
    let parsed: URL | undefined;
    try {
      parsed = new URL(text);
    } catch {
      fail('is not a valid URL');
    }
    const url = parsed as URL;
    if (!/^postgres(ql)?:$/.test(url.protocol)) fail('must start with postgresql://');
    if (!url.hostname) fail('must name a host');
    if (url.username || url.password)
      fail('must not name a user: the API reads replicas as POSTGRES_READONLY_USER');
    return {
      host: url.hostname,
      port: url.port ? Number(url.port) : 5432,
      database: decodeURIComponent(url.pathname.replace(/^\//, '')) || database,
    };
  });
}
