import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_DATASET_TIMEOUT_MS } from '@securities/database/testing';
import { ReplayServerMessage, ReplayTick } from '@securities/replay';
import { ApiTestContext, startApiWithData } from './api-test-context';
import { openReplayClient, ReplayTestClient } from './replay-client';
import { REPLAY_SERVER_LIMITS } from '../src/app/replay/replay-limits';
import { ReplayGateway } from '../src/app/replay/replay.gateway';

type Message<E extends ReplayServerMessage['event']> = Extract<ReplayServerMessage, { event: E }>;

const ticksOf = (messages: ReplayServerMessage[]): ReplayTick[] =>
  messages.flatMap((message) => (message.event === 'ticks' ? message.data : []));

/** The same ticks from SQL, in replay order, as one line each (numbers compared as numbers). */
async function expectedTicks(
  ctx: ApiTestContext,
  securities: string[],
  from: string,
  limit = 1_000_000,
): Promise<string[]> {
  const rows: Record<string, string>[] = await ctx.sql(
    `SELECT security_id, to_char(tick_time, 'YYYY-MM-DD"T"HH24:MI:SS') AS tick_time, price, bid, ask,
            volume, bid_size, ask_size, trade_count, vwap
     FROM tick_data WHERE security_id = ANY($1) AND tick_time >= $2
     ORDER BY tick_time, security_id LIMIT $3`,
    [securities, from, limit],
  );
  return rows.map(line);
}

const FIELDS = ['price', 'bid', 'ask', 'volume', 'bid_size', 'ask_size', 'trade_count', 'vwap'];
const line = (tick: object) => {
  const fields = tick as Record<string, unknown>;
  return [
    fields.security_id,
    fields.tick_time,
    ...FIELDS.map((field) => Number(fields[field])),
  ].join(' ');
};

describe('replay over a WebSocket', () => {
  let ctx: ApiTestContext;
  let baseUrl: string;
  const clients: ReplayTestClient[] = [];
  const connect = async () => {
    const client = await openReplayClient(baseUrl);
    clients.push(client);
    return client;
  };

  // The API listens on a Unix socket: the kernel holds about 200 kB of a stream there, so a client
  // that stops reading stalls the replay within a second or two. Over loopback TCP the kernel
  // first buffers several MB, half a minute of ticks at speed 1000; the gateway waits on its
  // socket's buffered bytes the same way over either.
  const socketDir = mkdtempSync(join(tmpdir(), 'securities-replay-'));

  beforeAll(async () => {
    ctx = await startApiWithData('tiny', { readOnly: true });
    const path = join(socketDir, 'api.sock');
    await ctx.app.getHttpAdapter().getInstance().listen({ path });
    baseUrl = `ws+unix://${path}:`;
  }, TEST_DATASET_TIMEOUT_MS);
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await ctx?.close();
    rmSync(socketDir, { recursive: true, force: true });
  });

  it('replays the ticks of two securities in time order, each once, then says it ended', async () => {
    const client = await connect();
    const securities = ['SEC-0002', 'SEC-0001'];
    client.send({
      event: 'subscribe',
      data: { securities, from: '2025-03-31T15:50', speed: 1000 },
    });
    const subscribed = (await client.waitFor(
      (m) => m.event === 'subscribed',
    )) as Message<'subscribed'>;
    expect(subscribed.data).toEqual({ securities, from: '2025-03-31T15:50:00', speed: 1000 });
    const end = (await client.waitFor((m) => m.event === 'end')) as Message<'end'>;

    const ticks = ticksOf(client.messages);
    const expected = await expectedTicks(ctx, securities, '2025-03-31T15:50');
    expect(expected.length).toBeGreaterThan(50);
    expect(end.data.ticks).toBe(expected.length);
    expect(ticks.map(line)).toEqual(expected);
    // One message per moment: a moment's ticks share their time, moments only move forward.
    const moments = client.messages.filter((m): m is Message<'ticks'> => m.event === 'ticks');
    for (const moment of moments) {
      expect(new Set(moment.data.map((tick) => tick.tick_time)).size).toBe(1);
    }
    const times = moments.map((moment) => moment.data[0].tick_time);
    expect([...times].sort()).toEqual(times);
    expect(new Set(times).size).toBe(times.length);
  });

  it('answers every bad message with an error on the socket, which stays open', async () => {
    const client = await connect();
    const errorFor = async (message: unknown) => {
      client.send(message);
      return ((await client.waitFor((m) => m.event === 'error')) as Message<'error'>).data.message;
    };
    const subscribe = (data: unknown) => ({ event: 'subscribe', data });
    const good = { securities: ['SEC-0001'], from: '2025-03-31T15:59', speed: 1000 };

    expect(await errorFor('play SEC-0001')).toBe('a message must be JSON, got "play SEC-0001"');
    expect(await errorFor({ event: 'play', data: good })).toBe(
      'event must be one of subscribe, unsubscribe, got "play"',
    );
    expect(await errorFor(subscribe({ ...good, securities: [] }))).toBe(
      'securities must name at least one security',
    );
    expect(await errorFor(subscribe({ ...good, securities: 'SEC-0001' }))).toBe(
      'securities must be an array of security ids, e.g. ["SEC-0001"]',
    );
    expect(await errorFor(subscribe({ ...good, securities: ['SEC-0001', 'SEC-9999'] }))).toBe(
      'securities are not known: SEC-9999',
    );
    expect(await errorFor(subscribe({ ...good, speed: 5000 }))).toBe('speed must be at most 1000');
    expect(await errorFor(subscribe({ ...good, speed: '10' }))).toBe(
      'speed must be a number from 1 to 1000',
    );
    expect(await errorFor(subscribe({ ...good, from: '2025-03-31T15:59Z' }))).toBe(
      'from is exchange-local time and takes no time zone: drop the zone, e.g. 2025-03-03T09:30:00, got "2025-03-31T15:59Z"',
    );
    expect(await errorFor(subscribe({ ...good, from: '2026-01-02' }))).toBe(
      'from (2026-01-02) is after the last day of market data (2025-03-31)',
    );
    expect(await errorFor(subscribe({ ...good, loop: true }))).toBe(
      'property loop should not exist',
    );
    expect(await errorFor(subscribe(undefined))).toMatch(/^securities must/);

    // The same connection then replays a good subscription to its end.
    client.send(subscribe(good));
    await client.waitFor((m) => m.event === 'end');
    expect(ticksOf(client.messages).map(line)).toEqual(
      await expectedTicks(ctx, ['SEC-0001'], '2025-03-31T15:59'),
    );
  });

  it('holds a bounded amount for a client that stops reading, and loses nothing', async () => {
    const client = await connect();
    const gateway = ctx.app.get(ReplayGateway);
    const securities = Array.from(
      { length: 20 },
      (_, i) => `SEC-${String(i + 1).padStart(4, '0')}`,
    );
    const from = '2025-01-02';
    // The client stops reading at once: its kernel buffers fill, then the server's socket buffer.
    const rawSocket = (client.socket as unknown as { _socket: { pause(): void; resume(): void } })
      ._socket;
    rawSocket.pause();
    client.send({ event: 'subscribe', data: { securities, from, speed: 1000 } });

    // Wait until the replay stalls: nothing more sent for a whole second.
    const deadline = Date.now() + 120_000;
    let before = gateway.progress()[0];
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const now = gateway.progress()[0];
      if (now && before && now.sent === before.sent && now.sent > 0) break;
      if (Date.now() > deadline)
        throw new Error(`the replay never stalled: ${JSON.stringify(now)}`);
      before = now;
    }
    const stalled = gateway.progress()[0];
    expect(stalled.queued).toBeLessThanOrEqual(REPLAY_SERVER_LIMITS.queueCapacity);
    expect(stalled.fetched - stalled.sent).toBe(stalled.queued);
    // At most the mark plus one moment (20 ticks of about 200 bytes) waits in the socket.
    expect(stalled.socketBufferedBytes).toBeLessThan(
      REPLAY_SERVER_LIMITS.socketHighWaterBytes + 20 * 400,
    );
    // The tiny set holds far more than was read: the source was not drained into memory.
    const [{ total }] = await ctx.sql<{ total: string }>(
      'SELECT count(*) AS total FROM tick_data WHERE security_id = ANY($1) AND tick_time >= $2',
      [securities, from],
    );
    expect(stalled.fetched).toBeLessThan(Number(total) / 10);

    // Reading again: the replay goes on from where it was, nothing skipped.
    rawSocket.resume();
    await client.waitFor(
      () => ticksOf(client.messages).length > stalled.sent + REPLAY_SERVER_LIMITS.pageSize,
    );
    client.send({ event: 'unsubscribe' });
    const received = ticksOf(client.messages).map(line);
    expect(received).toEqual(await expectedTicks(ctx, securities, from, received.length));
  });
});
