/**
 * What one replay connection may hold on the server: at most `queueCapacity` ticks read ahead and
 * about `socketHighWaterBytes` waiting in the socket (plus one moment). Past the mark the replay
 * waits for the client, looking again every `pollMs`.
 */
export const REPLAY_SERVER_LIMITS = {
  queueCapacity: 4_000,
  pageSize: 1_000,
  socketHighWaterBytes: 256 * 1024,
  pollMs: 20,
} as const;
