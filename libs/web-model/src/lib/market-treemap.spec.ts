import { marketTreemap } from './market-treemap';
import { changeColor } from './palette';

const row = (
  security_id: string,
  sector: string | null,
  close: number,
  volume: number,
  change_percent: number | null,
) => ({
  security_id,
  ticker: security_id.replace('SEC-', 'T'),
  sector,
  close,
  volume,
  change_percent,
});

describe('marketTreemap: the day by sector', () => {
  it('groups by sector, sizes by traded value, colours by change, largest first', () => {
    const sectors = marketTreemap([
      row('SEC-0001', 'Technology', 10, 100, 1.5),
      row('SEC-0002', 'Energy', 50, 100, -3),
      row('SEC-0003', 'Technology', 20, 100, -0.5),
      row('SEC-0004', null, 1, 10, null),
    ]);
    expect(sectors.map((sector) => [sector.name, sector.value])).toEqual([
      ['Energy', 5000],
      ['Technology', 3000],
      ['Other', 10],
    ]);
    const technology = sectors[1];
    expect(technology.children.map((leaf) => [leaf.name, leaf.value])).toEqual([
      ['T0003', 2000],
      ['T0001', 1000],
    ]);
    // (2000 x -0.5 + 1000 x 1.5) / 3000
    expect(technology.changePercent).toBeCloseTo(1 / 6, 12);
    expect(technology.children[1].itemStyle.color).toBe(changeColor(1.5));
    expect(sectors[2].changePercent).toBeNull();
  });

  it('leaves out securities that did not trade', () => {
    expect(marketTreemap([row('SEC-0001', 'Energy', 10, 0, 0)])).toEqual([]);
  });
});
