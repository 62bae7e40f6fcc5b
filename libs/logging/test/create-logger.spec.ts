import { createLogger, logText } from '../src';
import { captureStream } from './support/capture-stream';

describe('createLogger', () => {
  it('writes one JSON line per message when the output is not a terminal', () => {
    const out = captureStream(false);
    const log = createLogger({ name: 'loader', destination: out });
    log.info('Loaded 1233 rows');
    log.warn('Emptied tick_data');
    const lines = out
      .text()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toEqual([
      expect.objectContaining({ name: 'loader', level: 30, msg: 'Loaded 1233 rows' }),
      expect.objectContaining({ name: 'loader', level: 40, msg: 'Emptied tick_data' }),
    ]);
  });

  it('reads as plain text in a terminal, warnings and errors prefixed with their level', () => {
    const out = captureStream(true);
    const log = createLogger({ name: 'loader', destination: out });
    log.info('Loaded 1233 rows');
    log.warn('Emptied tick_data');
    log.error('Load failed');
    expect(out.text()).toBe('Loaded 1233 rows\nwarn: Emptied tick_data\nerror: Load failed\n');
  });

  it('drops messages below its level', () => {
    const out = captureStream(false);
    const log = createLogger({ name: 'api', level: 'warn', destination: out });
    log.info('not shown');
    log.warn('shown');
    expect(out.text()).not.toContain('not shown');
    expect(out.text()).toContain('shown');
  });
});

describe('logText', () => {
  it('reads JSON log lines back as the text a terminal shows, leaving other lines alone', () => {
    const out = captureStream(false);
    const log = createLogger({ name: 'generator', destination: out });
    log.info('  issuer.csv    71 rows');
    log.warn('Emptied tick_data');
    expect(logText(`${out.text()}ticks [====] 50%\n`)).toBe(
      '  issuer.csv    71 rows\nwarn: Emptied tick_data\nticks [====] 50%\n',
    );
  });
});
