import { describe, expect, it } from '@jest/globals';
import ical from 'node-ical';
import { icsCalendar, type CalendarEvent } from '../../core/calendar/ics.js';

/*
 * The calendar feed's text, read back by a real iCalendar parser (node-ical), as a calendar app
 * would read it: all-day events on the due date, stable ids, alarms at the notice schedule, and
 * people's words kept whole (commas, semicolons, line breaks, long Indian form names in UTF-8).
 */

const NOW = new Date('2026-11-26T06:00:00Z');
const gstr3b: CalendarEvent = {
  uid: '1b2c3d4e-0000-4000-8000-000000000001@compliance-os',
  sequence: 0,
  day: '2026-12-20',
  summary: 'GSTR-3B (monthly) — summary return and tax payment · Demo Manufacturing · 27AABCD1234F1Z5 · Nov 2026',
  description: 'Pending; preparer Priya Shah, approver Arjun Rao.\nOpen: https://compliance.example/items/1b2c',
  url: 'https://compliance.example/items/1b2c3d4e-0000-4000-8000-000000000001',
  alarmsDaysBefore: [3, 7, 3],
};

const parsed = (text: string) => Object.values(ical.sync.parseICS(text)).filter((c) => c?.type === 'VEVENT') as unknown as {
  uid: string; sequence: string; start: Date & { dateOnly?: boolean }; end: Date; summary: string; description: string; url: string;
  alarms?: { trigger: { val: string; params: { RELATED: string } }; description: string }[];
}[];

describe('an iCalendar feed of items', () => {
  it('has one all-day event per item on its due date, with its name, description and link, as a parser reads it', () => {
    const text = icsCalendar({ name: 'Compliance · Demo Manufacturing', events: [gstr3b], now: NOW });
    const [event, ...others] = parsed(text);
    expect(others).toEqual([]);
    expect(event!.uid).toBe(gstr3b.uid);
    expect(event!.start.dateOnly).toBe(true);
    expect([event!.start.getFullYear(), event!.start.getMonth() + 1, event!.start.getDate()]).toEqual([2026, 12, 20]);
    expect([event!.end.getFullYear(), event!.end.getMonth() + 1, event!.end.getDate()]).toEqual([2026, 12, 21]);
    expect(event!.summary).toBe(gstr3b.summary);
    expect(event!.description).toBe(gstr3b.description);
    expect(event!.url).toBe(gstr3b.url);
    expect(text).toContain('X-WR-CALNAME:Compliance · Demo Manufacturing\r\n');
  });

  it('reminds at each day of the notice schedule, once each, furthest first', () => {
    const [event] = parsed(icsCalendar({ name: 'x', events: [gstr3b], now: NOW }));
    // Relative to the event's start: the due day, whatever the calendar's timezone.
    expect(event!.alarms!.map((a) => [a.trigger.val, a.trigger.params.RELATED])).toEqual([['-P7D', 'START'], ['-P3D', 'START']]);
    expect(event!.alarms![1]!.description).toBe(`${gstr3b.summary}: due in 3 days`);
  });

  it('keeps the same event when the date moves, with a higher sequence, so calendars replace it', () => {
    const moved = parsed(icsCalendar({ name: 'x', events: [{ ...gstr3b, day: '2026-12-27', sequence: 1 }], now: NOW }))[0]!;
    expect([moved.uid, Number(moved.sequence), moved.start.getDate()]).toEqual([gstr3b.uid, 1, 27]);
  });

  it('writes lines of at most 75 octets ending in CRLF, folded without splitting a character, and escapes TEXT', () => {
    const text = icsCalendar({ name: 'Groups, entities; and\nmore', events: [{ ...gstr3b, summary: `${'नमस्ते '.repeat(20)}; a, b` }], now: NOW });
    const lines = text.split('\r\n');
    expect(lines.at(-1)).toBe('');
    for (const line of lines) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(text).not.toMatch(/[^\r]\n/);
    expect(text).toContain('X-WR-CALNAME:Groups\\, entities\\; and\\nmore');
    expect(parsed(text)[0]!.summary).toBe(`${'नमस्ते '.repeat(20)}; a, b`);
  });
});
