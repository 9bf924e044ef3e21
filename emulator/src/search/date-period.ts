/** Dates in queries: `2017`, `2017-12`, `2017-12-31`, up to `2017-12-31T10:20:30.456Z`, each naming a period (UTC). */

/** The first and last millisecond of the period a date names. */
export interface DatePeriod {
  readonly start: number;
  readonly end: number;
}

const DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?Z?)?)?)?$/;

/** The period a query date names, or undefined when the text is no date. */
export function parseDatePeriod(text: string): DatePeriod | undefined {
  const match = DATE_PATTERN.exec(text);
  if (match === null) return undefined;
  const [, year, month, day, hour, minute, second, millis] = match;
  const fields = [year, month ?? '01', day ?? '01', hour ?? '00', minute ?? '00', second ?? '00'].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = millis === undefined ? 0 : Number(millis.padEnd(3, '0'));
  const start = Date.UTC(fields[0], fields[1] - 1, fields[2], fields[3], fields[4], fields[5], ms);
  const check = new Date(start);
  if (
    check.getUTCFullYear() !== fields[0] ||
    check.getUTCMonth() !== fields[1] - 1 ||
    check.getUTCDate() !== fields[2] ||
    check.getUTCHours() !== fields[3] ||
    check.getUTCMinutes() !== fields[4] ||
    check.getUTCSeconds() !== fields[5]
  ) {
    return undefined;
  }
  return {
    start,
    end:
      nextPeriodStart(
        fields,
        ms,
        [year, month, day, hour, second, millis].filter((part) => part !== undefined).length,
      ) - 1,
  };
}

function nextPeriodStart(
  fields: readonly [number, number, number, number, number, number],
  ms: number,
  precision: number,
): number {
  const [year, month, day, hour, minute, second] = fields;
  switch (precision) {
    case 1:
      return Date.UTC(year + 1, 0, 1);
    case 2:
      return Date.UTC(year, month, 1);
    case 3:
      return Date.UTC(year, month - 1, day + 1);
    case 4:
      return Date.UTC(year, month - 1, day, hour, minute + 1);
    case 5:
      return Date.UTC(year, month - 1, day, hour, minute, second + 1);
    default:
      return Date.UTC(year, month - 1, day, hour, minute, second, ms + 1);
  }
}

/** A stored timestamp in milliseconds, or undefined when it is no date. */
export function storedInstant(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const instant = Date.parse(value);
  return Number.isNaN(instant) ? undefined : instant;
}
