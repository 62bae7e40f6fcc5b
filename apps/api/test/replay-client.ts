import { REPLAY_PATH, ReplayServerMessage } from '@securities/replay';
import { WebSocket } from 'ws';

/** A test's end of a replay connection: every message it received, and a way to wait for one. */
export interface ReplayTestClient {
  socket: WebSocket;
  messages: ReplayServerMessage[];
  send(message: unknown): void;
  /** The next message (after the last one waited for) that matches; fails after `timeoutMs`. */
  waitFor(
    matches: (message: ReplayServerMessage) => boolean,
    timeoutMs?: number,
  ): Promise<ReplayServerMessage>;
  close(): Promise<void>;
}

/** `baseUrl`: the API's http:// address, or `ws+unix://<socket path>:` for an API on a Unix socket. */
export async function openReplayClient(baseUrl: string): Promise<ReplayTestClient> {
  const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}${REPLAY_PATH}`);
  const messages: ReplayServerMessage[] = [];
  const waiters = new Set<() => void>();
  socket.on('message', (data) => {
    messages.push(JSON.parse(data.toString()) as ReplayServerMessage);
    waiters.forEach((wake) => wake());
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let seen = 0;
  return {
    socket,
    messages,
    send: (message) => socket.send(typeof message === 'string' ? message : JSON.stringify(message)),
    waitFor: (matches, timeoutMs = 60_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          for (; seen < messages.length; seen += 1) {
            if (matches(messages[seen])) {
              const found = messages[seen];
              seen += 1;
              waiters.delete(check);
              clearTimeout(timer);
              resolve(found);
              return;
            }
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `no matching message in ${timeoutMs} ms; the last: ${JSON.stringify(messages.at(-1))?.slice(0, 300)}`,
            ),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    close: () =>
      new Promise((resolve) => {
        if (socket.readyState === WebSocket.CLOSED) return resolve();
        socket.once('close', () => resolve());
        socket.close();
      }),
  };
}
