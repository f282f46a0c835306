import fc from 'fast-check';
import { types } from 'pg';
import { parseTimestamptz } from '../timestamps';

const driverParser = types.getTypeParser(1184, 'text') as (text: string) => Date | number;
const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** An instant written as PostgreSQL writes a timestamptz in a session of the given UTC offset. */
function written(instant: number, offsetMinutes: number, fractionDigits: number, microseconds: number): string {
  const local = new Date(instant + offsetMinutes * 60_000);
  const fraction = String(local.getUTCMilliseconds() * 1000 + microseconds)
    .padStart(6, '0')
    .slice(0, fractionDigits);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const offset = Math.abs(offsetMinutes);
  return (
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())} ` +
    `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    `${fraction ? `.${fraction}` : ''}${sign}${pad(Math.floor(offset / 60))}${offset % 60 ? `:${pad(offset % 60)}` : ''}`
  );
}

const time = (value: Date | number): number => (value instanceof Date ? value.getTime() : value);

describe('reading timestamptz', () => {
  it('reads every instant, fraction and offset as the driver does, to the millisecond', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(100, 1, 1), max: Date.UTC(9999, 10, 30) }),
        fc.integer({ min: -12 * 60, max: 14 * 60 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 999 }),
        (instant, offsetMinutes, fractionDigits, microseconds) => {
          const text = written(instant, offsetMinutes, fractionDigits, microseconds);
          expect({ text, time: time(parseTimestamptz(text)) }).toEqual({ text, time: time(driverParser(text)) });
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it('hands every other form to the driver', () => {
    for (const text of [
      'infinity',
      '-infinity',
      '2026-11-23 08:05:48+00 BC',
      '0099-01-01 00:00:00+00',
      '12026-11-23 08:05:48+00',
      '1901-12-13 20:45:52+05:53:28',
      '2026-11-23 08:05:48',
      '2026-11-23 08:05:48+05:30x',
    ]) {
      expect({ text, time: time(parseTimestamptz(text)) }).toEqual({ text, time: time(driverParser(text)) });
    }
  });
});
