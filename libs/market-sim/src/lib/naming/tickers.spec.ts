import { createRandomSource } from '../random/random-source';
import { EXCHANGES } from '../reference-data/exchanges';
import { createTickerAllocator } from './tickers';

const FORMATS: [keyof typeof EXCHANGES, RegExp][] = [
  ['NYSE', /^[A-Z]{2,4}$/],
  ['NASDAQ', /^[A-Z]{4}$/],
  ['XETRA', /^[A-Z]{3}$/],
  ['TSE', /^[1-9]\d{3}$/],
  ['HKEX', /^\d{4}$/],
  ['KRX', /^\d{5}0$/],
  ['NASDAQ_STOCKHOLM', /^[A-Z]{4} B$/],
  ['B3', /^[A-Z]{4}3$/],
  ['SGX', /^[A-Z]\d[0-9A-Z]$/],
  ['NSE', /^[A-Z]{4,10}$/],
];

describe('createTickerAllocator', () => {
  it.each(FORMATS)('makes %s tickers in the venue’s format', (exchange, format) => {
    const tickers = createTickerAllocator(createRandomSource(1, 'tickers'));
    for (const name of [
      'Northgate Semiconductor Inc.',
      'Lumière Media SA',
      'Taiyo Foods Co., Ltd.',
    ]) {
      expect(tickers.next(EXCHANGES[exchange], name)).toMatch(format);
    }
  });

  it('prefers letters from the name and never hands out a ticker twice', () => {
    const tickers = createTickerAllocator(createRandomSource(2, 'tickers'));
    expect(tickers.next(EXCHANGES.NASDAQ, 'Northgate Semiconductor Inc.')).toBe('NORT');
    const again = Array.from({ length: 50 }, () =>
      tickers.next(EXCHANGES.NASDAQ, 'Northgate Semiconductor Inc.'),
    );
    expect(new Set(again).size).toBe(50);
    expect(again).not.toContain('NORT');
  });

  it('makes unique short codes for bond tickers', () => {
    const tickers = createTickerAllocator(createRandomSource(3, 'tickers'));
    expect(tickers.shortCode('Rheinmark Chemicals AG')).toBe('RHEI');
    expect(tickers.shortCode('Rheinmark Chemicals AG')).not.toBe('RHEI');
  });

  it('never hands out a ticker or short code it was told is taken, and claims rule-made tickers once', () => {
    const tickers = createTickerAllocator(createRandomSource(2, 'tickers'), {
      tickers: ['NORT'],
      shortCodes: ['RHEI'],
    });
    expect(tickers.next(EXCHANGES.NASDAQ, 'Northgate Semiconductor Inc.')).not.toBe('NORT');
    expect(tickers.shortCode('Rheinmark Chemicals AG')).not.toBe('RHEI');
    expect(tickers.claim('ESM5')).toBe(true);
    expect(tickers.claim('ESM5')).toBe(false);
    expect(tickers.claim('NORT')).toBe(false);
  });
});
