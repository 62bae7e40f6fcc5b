/**
 * The replay's WebSocket protocol, shared by the API's gateway and the web page. Every message is
 * one JSON object `{ "event": ..., "data": ... }` (the shape Nest's `ws` adapter reads).
 */

/** Where the API accepts replay connections (ws://host:port/api/replay). */
export const REPLAY_PATH = '/api/replay';

/** Replay speeds: market time per wall-clock time. */
export const REPLAY_SPEED = { min: 1, max: 1000, default: 100 } as const;

/** Securities one subscription may replay together. */
export const REPLAY_MAX_SECURITIES = 20;

/**
 * Market time between two ticks longer than this (the market is closed: nights, weekends,
 * holidays) is replayed as this long, so a replay across a close does not wait for the open.
 */
export const REPLAY_MAX_GAP_MS = 60_000;

/** What the client sends. A new `subscribe` replaces the replay running on the connection. */
export interface ReplaySubscribeRequest {
  /** Security ids, e.g. ["SEC-0001", "SEC-0002"]. */
  securities: string[];
  /** Exchange-local date or moment to start from: `2025-03-03` or `2025-03-03T09:30[:20]`. */
  from: string;
  /** REPLAY_SPEED.min .. REPLAY_SPEED.max: 100 replays 100 s of market time per second. */
  speed: number;
}

export type ReplayClientMessage =
  { event: 'subscribe'; data: ReplaySubscribeRequest } | { event: 'unsubscribe'; data: unknown };

/** One tick as replayed: the API's tick fields with the security it belongs to. */
export interface ReplayTick {
  security_id: string;
  /** Exchange-local, no zone: `2025-03-28T09:30:20`. */
  tick_time: string;
  price: number;
  bid: number;
  ask: number;
  volume: number;
  bid_size: number;
  ask_size: number;
  trade_count: number;
  vwap: number;
}

export type ReplayServerMessage =
  /** The subscription as the server reads it: `from` as an exchange-local moment. */
  | { event: 'subscribed'; data: ReplaySubscribeRequest }
  /** The ticks of one moment, in security order; moments arrive in time order. */
  | { event: 'ticks'; data: ReplayTick[] }
  /** The data ran out; `ticks` is how many were sent. */
  | { event: 'end'; data: { ticks: number } }
  /** A bad request or a failure; the connection stays open for the next request. */
  | { event: 'error'; data: { message: string } };
