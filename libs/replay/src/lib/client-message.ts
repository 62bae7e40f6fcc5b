import type { ReplayClientMessage } from './replay-protocol';

export const REPLAY_CLIENT_EVENTS = ['subscribe', 'unsubscribe'] as const;

/** A message the server cannot act on; `data.message` says why, for the error reply. */
export interface InvalidClientMessage {
  event: 'invalid';
  data: { message: string };
}

const invalid = (message: string): InvalidClientMessage => ({
  event: 'invalid',
  data: { message },
});

const MAX_ECHO = 40;
const echo = (text: string) => (text.length > MAX_ECHO ? `${text.slice(0, MAX_ECHO)}...` : text);

/**
 * Reads a client's message: `{ "event": "subscribe" | "unsubscribe", "data": ... }`. Whatever
 * else arrives (not JSON, no event, an unknown event) becomes an `invalid` message carrying the
 * reason, so the server can answer it instead of dropping it in silence. The data of a known event
 * is checked by the server.
 */
export function parseClientMessage(text: string): ReplayClientMessage | InvalidClientMessage {
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    return invalid(`a message must be JSON, got "${echo(text)}"`);
  }
  if (message === null || typeof message !== 'object' || Array.isArray(message)) {
    return invalid('a message must be a JSON object: {"event": "subscribe", "data": {...}}');
  }
  const { event, data } = message as { event?: unknown; data?: unknown };
  if (typeof event !== 'string') {
    return invalid('a message must name its event: {"event": "subscribe", "data": {...}}');
  }
  if (!(REPLAY_CLIENT_EVENTS as readonly string[]).includes(event)) {
    return invalid(`event must be one of ${REPLAY_CLIENT_EVENTS.join(', ')}, got "${echo(event)}"`);
  }
  return { event, data } as ReplayClientMessage;
}
