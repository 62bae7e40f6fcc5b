import { Logger, UseFilters, UsePipes } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayDisconnect,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import {
  InvalidClientMessage,
  Replay,
  REPLAY_MAX_GAP_MS,
  REPLAY_PATH,
  ReplayProgress,
  ReplayServerMessage,
} from '@securities/replay';
import { WebSocket } from 'ws';
import { createValidationPipe } from '../common/validation.pipe';
import { REPLAY_SERVER_LIMITS } from './replay-limits';
import { ReplayErrorFilter, sendReplayError } from './replay-error.filter';
import { ReplaySubscription } from './replay-subscription';
import { ReplayTickRow, ReplayTicksService } from './replay-ticks.service';

const localMs = (time: string) => Date.parse(`${time}Z`);

const systemTimer = {
  now: () => performance.now(),
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
};

function send(client: WebSocket, message: ReplayServerMessage): void {
  if (client.readyState === WebSocket.OPEN) client.send(JSON.stringify(message));
}

/**
 * Replays historical ticks over a WebSocket at REPLAY_PATH: one replay per connection, scheduled
 * and bounded by `Replay` (libs/replay); this class only wires it to the socket and the database.
 */
@WebSocketGateway({ path: REPLAY_PATH })
@UseFilters(ReplayErrorFilter)
@UsePipes(createValidationPipe())
export class ReplayGateway implements OnGatewayDisconnect {
  private readonly logger = new Logger(ReplayGateway.name);
  private readonly replays = new Map<WebSocket, Replay<ReplayTickRow>>();

  constructor(private readonly ticks: ReplayTicksService) {}

  /** What each running replay holds and has sent, and what waits in its socket (tests read it). */
  progress(): (ReplayProgress & { socketBufferedBytes: number })[] {
    return [...this.replays.entries()].map(([client, replay]) => ({
      ...replay.progress,
      socketBufferedBytes: client.bufferedAmount,
    }));
  }

  handleDisconnect(client: WebSocket): void {
    this.stop(client);
  }

  @SubscribeMessage('subscribe')
  async subscribe(
    @ConnectedSocket() client: WebSocket,
    @MessageBody() subscription: ReplaySubscription,
  ): Promise<void> {
    this.stop(client);
    const from = await this.ticks.resolveStart(subscription);
    const replay = new Replay(
      this.ticks.source(subscription.securities, from),
      {
        send: (moment) =>
          client.send(`{"event":"ticks","data":${ReplayTicksService.json(moment)}}`),
        ready: () =>
          client.readyState === WebSocket.OPEN &&
          client.bufferedAmount < REPLAY_SERVER_LIMITS.socketHighWaterBytes,
      },
      systemTimer,
      {
        fromMs: localMs(from),
        speed: subscription.speed,
        timeOf: (row) => localMs(row.tick_time),
        queueCapacity: REPLAY_SERVER_LIMITS.queueCapacity,
        pageSize: REPLAY_SERVER_LIMITS.pageSize,
        maxGapMs: REPLAY_MAX_GAP_MS,
        pollMs: REPLAY_SERVER_LIMITS.pollMs,
      },
    );
    this.replays.set(client, replay);
    send(client, { event: 'subscribed', data: { ...subscription, from } });
    replay.run().then(
      (outcome) => {
        if (this.replays.get(client) === replay) this.replays.delete(client);
        if (outcome === 'finished')
          send(client, { event: 'end', data: { ticks: replay.progress.sent } });
      },
      (error: Error) => {
        if (this.replays.get(client) === replay) this.replays.delete(client);
        this.logger.error(`replay failed: ${error.message}`);
        sendReplayError(client, 'the replay stopped: the database did not answer; subscribe again');
      },
    );
  }

  @SubscribeMessage('unsubscribe')
  unsubscribe(@ConnectedSocket() client: WebSocket): void {
    this.stop(client);
  }

  /** Messages the parser could not read (see parseClientMessage): answered, never dropped. */
  @SubscribeMessage('invalid')
  invalid(
    @ConnectedSocket() client: WebSocket,
    @MessageBody() data: InvalidClientMessage['data'],
  ): void {
    sendReplayError(client, data.message);
  }

  private stop(client: WebSocket): void {
    this.replays.get(client)?.stop();
    this.replays.delete(client);
  }
}
