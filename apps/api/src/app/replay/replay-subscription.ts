import { ENTITY_ID_PATTERN, MARKET_TIME_MAX_LENGTH } from '@securities/contracts';
import { REPLAY_MAX_SECURITIES, REPLAY_SPEED, ReplaySubscribeRequest } from '@securities/replay';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsNumber,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

/**
 * The data of a `subscribe` message, checked as the HTTP parameters are (one message, naming the
 * field). class-validator runs a property's decorators bottom-up and stops at the first failure,
 * so the most basic check is written last.
 */
export class ReplaySubscription implements ReplaySubscribeRequest {
  @ArrayUnique({ message: 'securities must not repeat a security' })
  @Matches(ENTITY_ID_PATTERN, {
    each: true,
    message: 'securities must be security ids such as SEC-0001',
  })
  @IsString({ each: true, message: 'securities must be security ids such as SEC-0001' })
  @ArrayMaxSize(REPLAY_MAX_SECURITIES, {
    message: `securities must name at most ${REPLAY_MAX_SECURITIES} securities`,
  })
  @ArrayNotEmpty({ message: 'securities must name at least one security' })
  @IsArray({ message: 'securities must be an array of security ids, e.g. ["SEC-0001"]' })
  securities!: string[];

  @MaxLength(MARKET_TIME_MAX_LENGTH, {
    message: `from must be at most ${MARKET_TIME_MAX_LENGTH} characters`,
  })
  @IsString({ message: 'from must be a date or an exchange-local time, e.g. 2025-03-28T09:30' })
  from!: string;

  @Max(REPLAY_SPEED.max, { message: `speed must be at most ${REPLAY_SPEED.max}` })
  @Min(REPLAY_SPEED.min, { message: `speed must be at least ${REPLAY_SPEED.min}` })
  @IsNumber(
    { allowNaN: false, allowInfinity: false },
    { message: `speed must be a number from ${REPLAY_SPEED.min} to ${REPLAY_SPEED.max}` },
  )
  speed!: number;
}
