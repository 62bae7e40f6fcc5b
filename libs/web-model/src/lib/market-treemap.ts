import { changeColor, readableTextOn } from './palette';

/** A security's day as the market page shows it. */
export interface MarketTileInput {
  security_id: string;
  ticker: string;
  sector: string | null;
  close: number;
  volume: number;
  change_percent: number | null;
}

export interface TreemapLeaf {
  /** The ticker, shown on the tile. */
  name: string;
  securityId: string;
  /** Traded value: close x volume. */
  value: number;
  changePercent: number | null;
  itemStyle: { color: string };
  label: { color: string };
}

export interface TreemapSector {
  name: string;
  value: number;
  /** Traded-value-weighted mean change of the sector's securities with a change. */
  changePercent: number | null;
  children: TreemapLeaf[];
}

export const UNKNOWN_SECTOR = 'Other';

/**
 * The whole market on one day, by sector: a tile per security sized by the value traded and
 * coloured by its change; sectors and tiles largest first. Securities that did not trade have no
 * area and are left out.
 */
export function marketTreemap(rows: readonly MarketTileInput[]): TreemapSector[] {
  const sectors = new Map<string, TreemapLeaf[]>();
  for (const row of rows) {
    const value = row.close * row.volume;
    if (!(value > 0)) continue;
    const color = changeColor(row.change_percent);
    const leaf: TreemapLeaf = {
      name: row.ticker,
      securityId: row.security_id,
      value,
      changePercent: row.change_percent,
      itemStyle: { color },
      label: { color: readableTextOn(color) },
    };
    const sector = row.sector ?? UNKNOWN_SECTOR;
    sectors.set(sector, [...(sectors.get(sector) ?? []), leaf]);
  }
  return [...sectors.entries()]
    .map(([name, children]) => {
      const value = children.reduce((sum, leaf) => sum + leaf.value, 0);
      const changed = children.filter((leaf) => leaf.changePercent !== null);
      const changedValue = changed.reduce((sum, leaf) => sum + leaf.value, 0);
      return {
        name,
        value,
        changePercent:
          changedValue > 0
            ? changed.reduce((sum, leaf) => sum + leaf.value * (leaf.changePercent as number), 0) /
              changedValue
            : null,
        children: children.sort((a, b) => b.value - a.value),
      };
    })
    .sort((a, b) => b.value - a.value);
}
