import { createConnection, createServer, Socket } from 'node:net';

/** The server's message that ends connecting (and every statement): ReadyForQuery. */
const READY_FOR_QUERY = 'Z'.charCodeAt(0);
/** BackendKeyData, sent while connecting: the backend's process id, then its cancel key. */
const BACKEND_KEY_DATA = 'K'.charCodeAt(0);

export interface HeldConnectionProxy {
  /** Where to connect instead of the server (127.0.0.1). */
  port: number;
  /**
   * Holds back the next connection made through the proxy from its ReadyForQuery on: the client
   * is still connecting. Resolves with the connection's backend process id once it is held.
   */
  holdNextConnection(): Promise<number>;
  /** Resolves once the server has closed the held connection (all it sent is held). */
  serverClosedHeld(): Promise<void>;
  /** Gives the client everything held in one write (then the end the server sent). */
  deliverHeld(): void;
  close(): Promise<void>;
}

interface Held {
  pid: Promise<number>;
  foundPid: (pid: number) => void;
  closed: Promise<void>;
  serverClosed: () => void;
  deliver?: () => void;
}

function newHeld(): Held {
  let foundPid!: (pid: number) => void;
  let serverClosed!: () => void;
  const pid = new Promise<number>((resolve) => (foundPid = resolve));
  const closed = new Promise<void>((resolve) => (serverClosed = resolve));
  return { pid, foundPid, closed, serverClosed };
}

/**
 * A TCP proxy to a PostgreSQL server that makes one race certain: a connection's end of
 * connecting and what the server sends right after (a FATAL as it shuts down) reaching the client
 * in one read, as happens now and then on a busy machine. Everything else passes through.
 */
export async function startHeldConnectionProxy(target: {
  host: string;
  port: number;
}): Promise<HeldConnectionProxy> {
  const sockets = new Set<Socket>();
  let next: Held | undefined;

  const server = createServer((client) => {
    const upstream = createConnection(target.port, target.host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    const held = next;
    next = undefined;
    if (!held) {
      upstream.pipe(client);
      return;
    }
    // Reads the server's messages until ReadyForQuery; from there on, keeps the bytes.
    let pending = Buffer.alloc(0);
    let pid: number | undefined;
    const kept: Buffer[] = [];
    let state: 'connecting' | 'holding' | 'delivered' = 'connecting';
    let ended = false;
    upstream.on('data', (chunk: Buffer) => {
      if (state === 'delivered') client.write(chunk);
      if (state !== 'connecting') {
        if (state === 'holding') kept.push(chunk);
        return;
      }
      pending = Buffer.concat([pending, chunk]);
      let offset = 0;
      while (pending.length - offset >= 5) {
        const type = pending[offset];
        const length = pending.readInt32BE(offset + 1);
        if (pending.length - offset < 1 + length) break;
        if (type === BACKEND_KEY_DATA) pid = pending.readInt32BE(offset + 5);
        if (type === READY_FOR_QUERY) {
          client.write(pending.subarray(0, offset));
          kept.push(pending.subarray(offset));
          state = 'holding';
          held.foundPid(pid ?? -1);
          return;
        }
        offset += 1 + length;
      }
      client.write(pending.subarray(0, offset));
      pending = pending.subarray(offset);
    });
    upstream.on('end', () => {
      ended = true;
      held.serverClosed();
      if (state !== 'holding') client.end();
    });
    held.deliver = () => {
      state = 'delivered';
      const bytes = Buffer.concat(kept);
      if (ended) client.end(bytes);
      else client.write(bytes);
    };
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  let current: Held | undefined;
  return {
    port: (server.address() as { port: number }).port,
    holdNextConnection() {
      current = next = newHeld();
      return current.pid;
    },
    serverClosedHeld() {
      if (!current) throw new Error('no connection is held: call holdNextConnection first');
      return current.closed;
    },
    deliverHeld() {
      if (!current?.deliver) throw new Error('no connection is held yet');
      current.deliver();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
