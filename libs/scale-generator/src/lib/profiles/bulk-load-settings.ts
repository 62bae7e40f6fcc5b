/**
 * Settings for an embedded server the scale command (or its benchmark) starts itself; an external
 * or already running server keeps its own. Fewer, later checkpoints while a billion rows stream
 * in, and minimal WAL (there is no replica to feed): measured +20 % on COPY, and index builds
 * write no WAL at all.
 */
export const BULK_LOAD_SETTINGS: Readonly<Record<string, string>> = {
  max_wal_size: '8GB',
  checkpoint_timeout: '30min',
  wal_level: 'minimal',
  max_wal_senders: '0',
};
