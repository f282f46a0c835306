import { types } from 'pg';

const TIMESTAMPTZ_OID = 1184;
const parseTimestamptzSlowly = types.getTypeParser(TIMESTAMPTZ_OID, 'text') as (text: string) => Date | number;

const ZERO = 48;
const digitAt = (text: string, index: number): number => {
  const digit = text.charCodeAt(index) - ZERO;
  return digit >= 0 && digit <= 9 ? digit : Number.NaN;
};
const twoDigits = (text: string, index: number): number => digitAt(text, index) * 10 + digitAt(text, index + 1);

/**
 * A `timestamptz` as PostgreSQL writes it (`2026-11-23 08:05:48.123456+05:30`), read with arithmetic instead
 * of the driver's regular expressions: hot lists read several per row. Whatever is not in exactly that form
 * (BC dates, infinity, years before 100 or after 9999, offsets with seconds) goes to the driver's own parser,
 * and the result is the same as its, to the millisecond (a test compares the two).
 */
export function parseTimestamptz(text: string): Date | number {
  const year = twoDigits(text, 0) * 100 + twoDigits(text, 2);
  if (
    !(year >= 100) ||
    text[4] !== '-' ||
    text[7] !== '-' ||
    text[10] !== ' ' ||
    text[13] !== ':' ||
    text[16] !== ':'
  ) {
    return parseTimestamptzSlowly(text);
  }
  let index = 19;
  let milliseconds = 0;
  if (text[index] === '.') {
    index++;
    for (let scale = 100; !Number.isNaN(digitAt(text, index)); index++, scale /= 10) {
      if (scale >= 1) milliseconds += digitAt(text, index) * scale;
    }
  }
  const sign = text[index] === '+' ? 1 : text[index] === '-' ? -1 : 0;
  let offsetMinutes = twoDigits(text, index + 1) * 60;
  index += 3;
  if (text[index] === ':') {
    offsetMinutes += twoDigits(text, index + 1);
    index += 3;
  }
  const utc = Date.UTC(
    year,
    twoDigits(text, 5) - 1,
    twoDigits(text, 8),
    twoDigits(text, 11),
    twoDigits(text, 14),
    twoDigits(text, 17),
    milliseconds,
  );
  if (sign === 0 || index !== text.length || Number.isNaN(utc) || Number.isNaN(offsetMinutes)) {
    return parseTimestamptzSlowly(text);
  }
  return new Date(utc - sign * offsetMinutes * 60_000);
}

/** The driver's type parsers with `parseTimestamptz` for text `timestamptz`: for this project's pools only. */
export const columnTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary'): unknown {
    return oid === TIMESTAMPTZ_OID && format !== 'binary' ? parseTimestamptz : types.getTypeParser(oid, format);
  },
};
