import { addDays, type IsoDate } from '../engine/dates.js';

/*
 * iCalendar (RFC 5545) as calendar apps read it: a feed of all-day events, one per open item on
 * its effective due date. Pure text: the feed's route and its secret URL live outside core.
 */

/** One item as a calendar shows it. */
export interface CalendarEvent {
  /** Stable across feeds and over time (a moved date updates the same event). */
  uid: string;
  /** Raised whenever what the event says changes, so clients replace their copy. */
  sequence: number;
  day: IsoDate;
  summary: string;
  description: string;
  url: string;
  /** Days before `day` at which the calendar reminds (the item's notice schedule). */
  alarmsDaysBefore: readonly number[];
}

export interface CalendarFeed {
  /** What the calendar is called in the app ("Compliance · Demo Manufacturing"). */
  name: string;
  events: readonly CalendarEvent[];
  /** When the feed was made (DTSTAMP). */
  now: Date;
}

/** TEXT values escape backslash, semicolon and comma, and write line breaks as \n (RFC 5545 §3.3.11). */
const text = (value: string) => value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');

/** A content line folded at 75 octets, continuation lines starting with a space (§3.1), never inside a UTF-8 character. */
function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    // The first line holds 75 octets; a continuation line 74 after its leading space.
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const basicDate = (day: IsoDate) => day.replaceAll('-', '');
const utcStamp = (at: Date) => `${at.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;

function eventLines(e: CalendarEvent, stamp: string): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `SEQUENCE:${e.sequence}`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${basicDate(e.day)}`,
    `DTEND;VALUE=DATE:${basicDate(addDays(e.day, 1))}`,
    `SUMMARY:${text(e.summary)}`,
    `DESCRIPTION:${text(e.description)}`,
    `URL:${e.url}`,
    'TRANSP:TRANSPARENT',
    ...[...new Set(e.alarmsDaysBefore)].sort((a, b) => b - a).flatMap((days) => [
      'BEGIN:VALARM', 'ACTION:DISPLAY', `TRIGGER;RELATED=START:-P${days}D`, `DESCRIPTION:${text(`${e.summary}: due in ${days} day${days === 1 ? '' : 's'}`)}`, 'END:VALARM',
    ]),
    'END:VEVENT',
  ];
}

/** The feed as an .ics file: CRLF line ends, folded lines, one VEVENT per item. */
export function icsCalendar(feed: CalendarFeed): string {
  const stamp = utcStamp(feed.now);
  const lines = [
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Compliance OS//Compliance calendar//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH',
    `X-WR-CALNAME:${text(feed.name)}`,
    ...feed.events.flatMap((e) => eventLines(e, stamp)),
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
