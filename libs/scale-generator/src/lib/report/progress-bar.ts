import { Presets, SingleBar } from 'cli-progress';
import { PhaseProgress } from './progress';

/** A progress bar with rows, rows/s and ETA; on a pipe it prints a line every few seconds. */
export function createProgressBar(log: (message: string) => void): PhaseProgress {
  let bar: SingleBar | undefined;
  let started = 0;
  let startValue = 0;
  let value = 0;
  const rate = () => {
    const seconds = (Date.now() - started) / 1000;
    return seconds > 0 ? Math.round((value - startValue) / seconds) : 0;
  };
  return {
    start(phase, total, done) {
      started = Date.now();
      startValue = done;
      value = done;
      bar = new SingleBar(
        {
          format: `${phase} [{bar}] {percentage}% | {value}/{total} | {rate}/s | ETA {eta_formatted}`,
          noTTYOutput: true,
          notTTYSchedule: 2_000,
          etaBuffer: 50,
          formatValue: (v, _options, type) =>
            type === 'value' || type === 'total' ? Number(v).toLocaleString('en-US') : String(v),
        },
        Presets.shades_classic,
      );
      log(
        `phase ${phase} started: ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} already done`,
      );
      bar.start(total, done, { rate: '0' });
    },
    advance(rows) {
      value += rows;
      bar?.update(Math.min(value, bar.getTotal()), { rate: rate().toLocaleString('en-US') });
    },
    note(message) {
      // On a terminal the bar owns its line: clear it, print the note, draw the bar again.
      if (bar?.isActive && process.stdout.isTTY) {
        process.stdout.write('\r\x1b[2K');
        log(message);
        bar.render();
      } else log(message);
    },
    stop() {
      bar?.update(bar.getTotal(), { rate: rate().toLocaleString('en-US') });
      bar?.stop();
    },
  };
}
