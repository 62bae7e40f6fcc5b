import { formatRoute, parseRoute, Route } from './routes';

describe('routes: every view has a link', () => {
  it('reads each page with its state', () => {
    expect(parseRoute('#/security/SEC-0003?interval=1w&adjustment=split')).toEqual({
      page: 'security',
      securityId: 'SEC-0003',
      interval: '1w',
      adjustment: 'split',
      day: null,
    });
    expect(
      parseRoute('#/portfolio/PORT-004?date=2025-02-14&from=2025-01-15&to=2025-01-21'),
    ).toEqual({
      page: 'portfolio',
      portfolioId: 'PORT-004',
      date: '2025-02-14',
      from: '2025-01-15',
      to: '2025-01-21',
      position: null,
    });
    expect(parseRoute('#/market?date=2025-03-28')).toEqual({ page: 'market', date: '2025-03-28' });
    expect(
      parseRoute('#/replay?securities=SEC-0001,SEC-0002&from=2025-03-28T09:30&speed=250'),
    ).toEqual({
      page: 'replay',
      securities: ['SEC-0001', 'SEC-0002'],
      from: '2025-03-28T09:30',
      speed: 250,
    });
  });

  it('gives the market page for an empty or unknown hash', () => {
    expect(parseRoute('')).toEqual({ page: 'market', date: null });
    expect(parseRoute('#/nowhere/1')).toEqual({ page: 'market', date: null });
  });

  it('falls back to defaults for whatever is malformed, never breaking the page', () => {
    expect(parseRoute('#/security/not an id?interval=2h&adjustment=most&day=yesterday')).toEqual({
      page: 'security',
      securityId: 'SEC-0001',
      interval: '1d',
      adjustment: 'raw',
      day: null,
    });
    expect(parseRoute('#/replay?securities=x,SEC-0009,SEC-0009&speed=5000')).toMatchObject({
      securities: ['SEC-0009'],
      speed: 1000,
    });
    expect(parseRoute('#/replay?speed=0.2')).toMatchObject({ securities: ['SEC-0001'], speed: 1 });
    expect(parseRoute('#/replay?speed=fast')).toMatchObject({ speed: 100 });
  });

  it('writes a hash that reads back as the same route', () => {
    const routes: Route[] = [
      { page: 'market', date: null },
      { page: 'market', date: '2025-02-07' },
      {
        page: 'security',
        securityId: 'SEC-0003',
        interval: '1m',
        adjustment: 'all',
        day: '2025-02-07',
      },
      {
        page: 'portfolio',
        portfolioId: 'PORT-002',
        date: null,
        from: '2025-01-02',
        to: '2025-03-31',
        position: 'SEC-0011',
      },
      {
        page: 'replay',
        securities: ['SEC-0001', 'SEC-0120'],
        from: '2025-03-28T10:00',
        speed: 1000,
      },
    ];
    for (const route of routes) expect(parseRoute(formatRoute(route))).toEqual(route);
    expect(formatRoute(routes[4])).toBe(
      '#/replay?securities=SEC-0001,SEC-0120&from=2025-03-28T10:00&speed=1000',
    );
  });
});
