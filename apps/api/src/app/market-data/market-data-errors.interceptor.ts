import {
  BadRequestException,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
} from '@nestjs/common';
import { MarketDataInputError } from '@securities/market-data';
import { catchError, Observable, throwError } from 'rxjs';

/**
 * A request the market-data rules cannot serve (a range after the data, a malformed cursor, a
 * window longer than the bars) is the caller's mistake: 400, with the message naming the parameter.
 */
@Injectable()
export class MarketDataErrorsInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next
      .handle()
      .pipe(
        catchError((error: unknown) =>
          throwError(() =>
            error instanceof MarketDataInputError ? new BadRequestException(error.message) : error,
          ),
        ),
      );
  }
}
