import { ArgumentsHost, Catch, HttpException, Logger, WsExceptionFilter } from '@nestjs/common';
import { WsException } from '@nestjs/websockets';
import { MarketDataInputError } from '@securities/market-data';
import { ReplayServerMessage } from '@securities/replay';
import { WebSocket } from 'ws';

export function sendReplayError(client: WebSocket, message: string): void {
  const reply: ReplayServerMessage = { event: 'error', data: { message } };
  if (client.readyState === WebSocket.OPEN) client.send(JSON.stringify(reply));
}

/**
 * Every failure of a replay message becomes an `error` message on the same socket, which stays
 * open: a bad subscription is answered like a 400, and the client may send a better one.
 */
@Catch()
export class ReplayErrorFilter implements WsExceptionFilter {
  private readonly logger = new Logger('ReplayGateway');

  catch(exception: unknown, host: ArgumentsHost): void {
    sendReplayError(host.switchToWs().getClient<WebSocket>(), this.messageOf(exception));
  }

  private messageOf(exception: unknown): string {
    if (exception instanceof MarketDataInputError) return exception.message;
    if (exception instanceof WsException) return String(exception.getError());
    if (exception instanceof HttpException && exception.getStatus() < 500) {
      const response = exception.getResponse();
      return typeof response === 'string'
        ? response
        : String((response as { message?: unknown }).message ?? exception.message);
    }
    this.logger.error(
      exception instanceof Error ? (exception.stack ?? exception.message) : exception,
    );
    return 'the replay failed on the server; subscribe again';
  }
}
