import { useId } from 'react';
import type { UnitHistoryQuery } from '../gql/graphql';
import { useTranslator } from '../i18n';
import { bedChangeName } from './vocabulary';
import { BedCountHeadings } from '../BedCountHeadings';

export type UnitChange = UnitHistoryQuery['bedUnit']['history'][number];

export interface Counts {
  capacity: number;
  occupied: number;
  held: number;
}

interface Point extends Counts {
  time: number;
}

const WIDTH = 720;
const HEIGHT = 280;
const PAD = { left: 44, right: 16, top: 16, bottom: 36 };
const PLOT_W = WIDTH - PAD.left - PAD.right;
const PLOT_H = HEIGHT - PAD.top - PAD.bottom;

/**
 * The counts as steps over [from, to]: each change holds until the next one, the last until now. With no
 * change in the period the counts were the current ones throughout.
 */
export function stepsOver(changes: readonly UnitChange[], current: Counts, from: number, to: number): Point[] {
  const points: Point[] = changes.map((change) => ({
    time: Math.max(from, Date.parse(change.at)),
    capacity: change.capacity,
    occupied: change.occupied,
    held: change.held,
  }));
  const last = points.at(-1);
  if (!last)
    return [
      { time: from, ...current },
      { time: to, ...current },
    ];
  return [...points, { ...last, time: to }];
}

type Scale = (value: number) => number;

/** A step line through `value` of each point, left to right: each value holds until the next point. */
function stepLine(points: readonly Point[], x: Scale, y: Scale, value: (p: Point) => number): string {
  const [first, ...rest] = points as [Point, ...Point[]];
  return `M${x(first.time)},${y(value(first))}${rest.map((p) => `H${x(p.time)}V${y(value(p))}`).join('')}`;
}

/** The same steps right to left, to close an area back along its lower edge. */
function stepLineBack(points: readonly Point[], x: Scale, y: Scale, value: (p: Point) => number): string {
  const last = points.at(-1) as Point;
  let path = `L${x(last.time)},${y(value(last))}`;
  for (let index = points.length - 1; index > 0; index--) {
    const previous = points[index - 1] as Point;
    path += `V${y(value(previous))}H${x(previous.time)}`;
  }
  return path;
}

/**
 * Occupied beds as a filled area, beds held for arriving referrals striped on top, capacity as a dashed line:
 * three shapes that differ in more than colour, named in the legend, with the numbers in a table below.
 */
export function OccupancyChart({
  unitName,
  changes,
  current,
  from,
  to,
}: {
  unitName: string;
  changes: readonly UnitChange[];
  current: Counts;
  from: number;
  to: number;
}) {
  const translator = useTranslator();
  const { t } = translator;
  const id = useId();
  const points = stepsOver(changes, current, from, to);
  const start = Math.min(from, (points[0] as Point).time);
  const span = Math.max(1, to - start);
  const top = Math.max(1, ...points.map((p) => Math.max(p.capacity, p.occupied + p.held)));
  const x = (time: number): number => Math.round((PAD.left + ((time - start) / span) * PLOT_W) * 10) / 10;
  const y = (value: number): number => Math.round((PAD.top + PLOT_H - (value / top) * PLOT_H) * 10) / 10;
  const occupied = (p: Point): number => p.occupied;
  const reserved = (p: Point): number => p.occupied + p.held;
  const occupiedArea = `${stepLine(points, x, y, occupied)}V${y(0)}H${x((points[0] as Point).time)}Z`;
  const heldArea = `${stepLine(points, x, y, reserved)}${stepLineBack(points, x, y, occupied)}Z`;
  const capacityLine = stepLine(points, x, y, (p) => p.capacity);
  const occupiedValues = points.map(occupied);
  const yTicks = [...new Set([0, Math.round(top / 2), top])];
  const xTicks = [start, start + span / 2, to];

  return (
    <figure className="occupancy-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={`${id}-title`}>{t('occupancyChartTitle', { unit: unitName })}</title>
        <desc id={`${id}-desc`}>
          {t('occupancyChartDescription', {
            from: translator.formatDateTime(new Date(start).toISOString()),
            to: translator.formatDateTime(new Date(to).toISOString()),
            low: Math.min(...occupiedValues),
            high: Math.max(...occupiedValues),
            occupied: current.occupied,
            held: current.held,
            capacity: current.capacity,
            changes: changes.length,
          })}
        </desc>
        <defs>
          <pattern
            id={`${id}-stripes`}
            width="8"
            height="8"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="8" height="8" className="held-background" />
            <line x1="0" y1="0" x2="0" y2="8" className="held-stripe" />
          </pattern>
        </defs>
        {yTicks.map((tick) => (
          <g key={`y${tick}`} className="tick">
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} className="grid" />
            <text x={PAD.left - 6} y={y(tick)} dy="0.35em" textAnchor="end">
              {translator.formatNumber(tick)}
            </text>
          </g>
        ))}
        <path d={occupiedArea} className="occupied-area" />
        <path d={heldArea} fill={`url(#${id}-stripes)`} className="held-area" />
        <path d={capacityLine} className="capacity-line" />
        {xTicks.map((tick, index) => (
          <text
            key={`x${index}`}
            x={x(tick)}
            y={HEIGHT - 10}
            textAnchor={index === 0 ? 'start' : index === xTicks.length - 1 ? 'end' : 'middle'}
            className="tick"
          >
            {translator.formatDateTime(new Date(tick).toISOString())}
          </text>
        ))}
      </svg>
      <figcaption>
        <ul className="legend">
          <li>
            <span className="swatch swatch-occupied" aria-hidden="true" />
            {t('occupancyLegendOccupied')}
          </li>
          <li>
            <span className="swatch swatch-held" aria-hidden="true" />
            {t('occupancyLegendHeld')}
          </li>
          <li>
            <span className="swatch swatch-capacity" aria-hidden="true" />
            {t('occupancyLegendCapacity')}
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}

/** The chart's numbers for anyone who cannot see it, and for anyone who wants them exactly. */
export function ChangesTable({ changes }: { changes: readonly UnitChange[] }) {
  const translator = useTranslator();
  const { t } = translator;
  if (changes.length === 0) return <p className="empty">{t('occupancyNoChanges')}</p>;
  return (
    <table className="records">
      <caption>{t('occupancyTableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('occupancyWhen')}</th>
          <th scope="col">{t('occupancyChange')}</th>
          <BedCountHeadings />
        </tr>
      </thead>
      <tbody>
        {[...changes].reverse().map((change, index) => (
          <tr key={`${change.at}-${index}`}>
            <th scope="row" data-label={t('occupancyWhen')}>
              <time dateTime={change.at}>{translator.formatDateTime(change.at)}</time>
            </th>
            <td data-label={t('occupancyChange')}>{bedChangeName(translator, change.reason)}</td>
            <td className="number" data-label={t('colCapacity')}>
              {translator.formatNumber(change.capacity)}
            </td>
            <td className="number" data-label={t('colOccupied')}>
              {translator.formatNumber(change.occupied)}
            </td>
            <td className="number" data-label={t('colHeld')}>
              {translator.formatNumber(change.held)}
            </td>
            <td className="number" data-label={t('colAvailable')}>
              {translator.formatNumber(change.available)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
