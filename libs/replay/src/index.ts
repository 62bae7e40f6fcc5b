export * from './lib/replay-protocol';
export { ReplayClock } from './lib/replay-clock';
export { BoundedQueue } from './lib/bounded-queue';
export { Replay } from './lib/run-replay';
export type {
  ReplayOptions,
  ReplayOutcome,
  ReplayProgress,
  ReplaySink,
  ReplaySource,
  ReplayTimer,
} from './lib/run-replay';
export { parseClientMessage, REPLAY_CLIENT_EVENTS } from './lib/client-message';
export type { InvalidClientMessage } from './lib/client-message';
