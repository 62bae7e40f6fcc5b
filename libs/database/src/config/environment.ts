import { config as loadDotenv } from 'dotenv';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig, loadConfig } from './app-config';
import { workspaceRoot } from './workspace-root';

/**
 * The one start-up path of every program: read `.env` at the workspace root (variables already
 * set in the environment win), then validate. Tests call `loadConfig` with an explicit env instead.
 */
export function loadConfigFromEnvironment(): AppConfig {
  const envFile = join(workspaceRoot, '.env');
  if (existsSync(envFile)) loadDotenv({ path: envFile, quiet: true });
  return loadConfig(process.env);
}
