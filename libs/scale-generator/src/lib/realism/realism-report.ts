import { DataSource } from 'typeorm';
import {
  AGGREGATION_LADDER,
  formatRange,
  inRange,
  REALISM_SOURCES,
  RealismSource,
  SECURITY_FACTS,
} from './realism-facts';
import { PhaseProgress } from '../report/progress';
import { FactPercentiles, measureRealism, RealismMeasures } from './realism-query';

/** The type the targets are for (real single stocks); the other types are shown beside it. */
export const TARGET_TYPE = 'EQUITY';

const SOURCE_ORDER = Object.keys(REALISM_SOURCES) as RealismSource[];
const sourceMark = (source: RealismSource) => `[${SOURCE_ORDER.indexOf(source) + 1}]`;

const number = (value: number | null | undefined, digits = 2) =>
  value === null || value === undefined || Number.isNaN(value) ? '-' : value.toFixed(digits);

function table(rows: string[][], rightAligned: (column: number) => boolean): string[] {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) =>
    row
      .map((cell, column) =>
        rightAligned(column) ? cell.padStart(widths[column]) : cell.padEnd(widths[column]),
      )
      .join('  ')
      .trimEnd(),
  );
}

export interface Verdict {
  label: string;
  target: string;
  value: string;
  pass: boolean;
}

/** The target type's medians against the targets: what the report marks ok or MISSED. */
export function realismVerdicts(measures: RealismMeasures, type = TARGET_TYPE): Verdict[] {
  const median = (fact: string) =>
    measures.percentiles.find((row) => row.securityType === type && row.fact === fact)?.median;
  const verdicts: Verdict[] = SECURITY_FACTS.filter(
    ({ target }) => target.above !== undefined || target.below !== undefined,
  ).map(({ fact, label, target }) => {
    const value = median(fact);
    return {
      label,
      target: formatRange(target),
      value: number(value),
      pass: value !== undefined && inRange(value, target),
    };
  });
  const ladder = AGGREGATION_LADDER.map(median);
  verdicts.push({
    label: 'kurtosis falls 20 s > 1 min > 1 h > 1 day',
    target: 'falling',
    value: ladder.map((value) => number(value, 1)).join(' > '),
    pass: ladder.every(
      (value, i) => value !== undefined && (i === 0 || value < (ladder[i - 1] as number)),
    ),
  });
  const sector = measures.sectors.find((row) => row.securityType === type);
  verdicts.push({
    label: 'return correlation within / across sectors',
    target: 'within above across',
    value: `${number(sector?.within)} / ${number(sector?.across)}`,
    pass: sector?.within != null && sector.across != null && sector.within > sector.across,
  });
  return verdicts;
}

/** The report as text: the target type's table with percentiles and verdicts, then the other types' medians. */
export function formatRealismReport(measures: RealismMeasures): string {
  const types = [...new Set(measures.securities.map((row) => row.securityType))].sort(
    (a, b) => Number(b === TARGET_TYPE) - Number(a === TARGET_TYPE) || a.localeCompare(b),
  );
  const count = (type: string) =>
    measures.securities.filter((row) => row.securityType === type).length;
  const ticks = measures.securities.reduce((sum, row) => sum + row.ticks, 0);
  const cell = (type: string, fact: string): FactPercentiles | undefined =>
    measures.percentiles.find((row) => row.securityType === type && row.fact === fact);
  const lines = [
    `Realism report: stylized facts of returns, computed in SQL from pricing_history and tick_data`,
    `${measures.from} .. ${measures.to}: ${measures.days} trading days, ${measures.securities.length} securities, ${ticks.toLocaleString('en-US')} ticks`,
    '',
  ];

  const verdicts = realismVerdicts(measures);
  const verdictOf = (label: string) => verdicts.find((verdict) => verdict.label === label);
  if (types.includes(TARGET_TYPE)) {
    lines.push(
      `${TARGET_TYPE} (${count(TARGET_TYPE)} securities): median across securities [10th .. 90th percentile], against the target for the median`,
    );
    const rows = [['fact', 'target', 'median', '[p10 .. p90]', '', 'source']];
    for (const { fact, label, target, source } of SECURITY_FACTS) {
      const row = cell(TARGET_TYPE, fact);
      const verdict = verdictOf(label);
      rows.push([
        label,
        formatRange(target),
        number(row?.median),
        row ? `[${number(row.p10)} .. ${number(row.p90)}]` : '',
        verdict ? (verdict.pass ? 'ok' : 'MISSED') : '',
        sourceMark(source),
      ]);
    }
    lines.push(...table(rows, (column) => column === 2).map((line) => `  ${line}`));
    const share = measures.ladderShares.find((row) => row.securityType === TARGET_TYPE);
    const [ladder, sector] = verdicts.slice(-2);
    lines.push(
      `  ${ladder.label}: ${ladder.value}  ${ladder.pass ? 'ok' : 'MISSED'}  ${sourceMark('cont')}` +
        (share
          ? ` (at every step for ${(share.share * 100).toFixed(0)} % of the securities one by one)`
          : ''),
      `  ${sector.label}: ${sector.value} (target: ${sector.target})  ${sector.pass ? 'ok' : 'MISSED'}  ${sourceMark('king')}`,
    );
    lines.push('');
  }

  const others = types.filter((type) => type !== TARGET_TYPE);
  if (others.length > 0) {
    lines.push('Other types: median across securities (the targets are for single stocks)');
    const rows = [['fact', ...others.map((type) => `${type} (${count(type)})`)]];
    for (const { fact, label } of SECURITY_FACTS) {
      rows.push([label, ...others.map((type) => number(cell(type, fact)?.median))]);
    }
    rows.push([
      'return correlation within / across sectors',
      ...others.map((type) => {
        const sector = measures.sectors.find((row) => row.securityType === type);
        return `${number(sector?.within)} / ${number(sector?.across)}`;
      }),
    ]);
    lines.push(...table(rows, (column) => column > 0).map((line) => `  ${line}`));
    lines.push('');
  }

  lines.push('Sources:');
  SOURCE_ORDER.forEach((source, i) => lines.push(`  [${i + 1}] ${REALISM_SOURCES[source]}`));
  return lines.join('\n');
}

/** Measures the database's data and formats the report. */
export async function realismReport(
  dataSource: DataSource,
  progress?: PhaseProgress,
): Promise<{ measures: RealismMeasures; text: string; verdicts: Verdict[] }> {
  const measures = await measureRealism(
    dataSource,
    SECURITY_FACTS.map(({ fact }) => fact),
    AGGREGATION_LADDER,
    progress,
  );
  return { measures, text: formatRealismReport(measures), verdicts: realismVerdicts(measures) };
}
