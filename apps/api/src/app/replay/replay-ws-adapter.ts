import { INestApplicationContext } from '@nestjs/common';
import { WsAdapter } from '@nestjs/platform-ws';
import { parseClientMessage } from '@securities/replay';

/**
 * Nest's `ws` adapter, reading messages with the replay's parser: a message that is not JSON, or
 * names no known event, reaches the gateway as `invalid` and is answered, where the stock adapter
 * would drop it without a word.
 */
export function createReplayWsAdapter(app: INestApplicationContext): WsAdapter {
  return new WsAdapter(app, {
    messageParser: (data) => parseClientMessage(data.toString()),
  });
}
