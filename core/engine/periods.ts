import { addMonths, endOfMonth, type IsoDate } from './dates.js';

/**
 * Periods of the Indian financial year (1 April – 31 March), with stable keys:
 * monthly `2026-11`, quarterly `FY2026-27-Q3`, half-yearly `FY2026-27-H1`, annual and
 * event-based `FY2026-27`, advance-tax instalments `FY2026-27-I2`, one-off `ONCE-2026-12-31`.
 */
export const FREQUENCIES = ['monthly', 'quarterly', 'half_yearly', 'annual', 'fy_instalments', 'event', 'one_off'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export interface Period {
  key: string;
  start: IsoDate;
  end: IsoDate;
  /** Calendar year in which the financial year starts (FY2026-27 → 2026). */
  fyStartYear: number;
  /** Position within the FY, from 1: month (April = 1), quarter, half, or instalment. */
  index: number;
}

export const FY_START_MONTH = 4;

export const fyLabel = (fyStartYear: number): string => `FY${fyStartYear}-${String((fyStartYear + 1) % 100).padStart(2, '0')}`;

/** The FY a date falls in. */
export function fyStartYearOf(date: IsoDate): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return month >= FY_START_MONTH ? year : year - 1;
}

export const fyStart = (fyStartYear: number): IsoDate => `${fyStartYear}-04-01`;
export const fyEnd = (fyStartYear: number): IsoDate => `${fyStartYear + 1}-03-31`;

/** Month-long blocks of the FY, `size` months each, as [start, end]. */
function blocks(fyStartYear: number, size: number): [IsoDate, IsoDate][] {
  const out: [IsoDate, IsoDate][] = [];
  for (let i = 0; i < 12 / size; i++) {
    const start = addMonths(fyStart(fyStartYear), i * size);
    const endStart = addMonths(start, size - 1);
    out.push([start, endOfMonth(Number(endStart.slice(0, 4)), Number(endStart.slice(5, 7)))]);
  }
  return out;
}

/** Every period of a frequency in one FY. One-off periods are not tied to an FY (see oneOffPeriod). */
export function periodsOfFy(frequency: Frequency, fyStartYear: number, instalments = 4): Period[] {
  const fy = fyLabel(fyStartYear);
  switch (frequency) {
    case 'monthly':
      return blocks(fyStartYear, 1).map(([start, end], i) => ({ key: start.slice(0, 7), start, end, fyStartYear, index: i + 1 }));
    case 'quarterly':
      return blocks(fyStartYear, 3).map(([start, end], i) => ({ key: `${fy}-Q${i + 1}`, start, end, fyStartYear, index: i + 1 }));
    case 'half_yearly':
      return blocks(fyStartYear, 6).map(([start, end], i) => ({ key: `${fy}-H${i + 1}`, start, end, fyStartYear, index: i + 1 }));
    case 'fy_instalments':
      return blocks(fyStartYear, 12 / instalments).map(([start, end], i) => ({ key: `${fy}-I${i + 1}`, start, end, fyStartYear, index: i + 1 }));
    case 'annual':
    case 'event':
      return [{ key: fy, start: fyStart(fyStartYear), end: fyEnd(fyStartYear), fyStartYear, index: 1 }];
    case 'one_off':
      return [];
  }
}

export function oneOffPeriod(date: IsoDate): Period {
  return { key: `ONCE-${date}`, start: date, end: date, fyStartYear: fyStartYearOf(date), index: 1 };
}

/** Periods of a frequency whose start falls within [from, to]. */
export function periodsStartingBetween(frequency: Frequency, from: IsoDate, to: IsoDate, instalments = 4): Period[] {
  const out: Period[] = [];
  for (let fy = fyStartYearOf(from); fy <= fyStartYearOf(to); fy++) {
    for (const p of periodsOfFy(frequency, fy, instalments)) if (p.start >= from && p.start <= to) out.push(p);
  }
  return out;
}

/** Month number (1–12) in which a period ends. */
export const periodEndMonth = (period: Period): number => Number(period.end.slice(5, 7));
/** For monthly periods: 1, 2 or 3, the month's place within its quarter. */
export const monthOfQuarter = (period: Period): number => ((period.index - 1) % 3) + 1;

