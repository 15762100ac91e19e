import { calendar, calendarCsv, calendarTable } from '../../../core/engine/calendar.js';
import { libraryExtensionList, libraryMasters } from '../../../core/library/index.js';
import { UsageError, dateOption, optionalString, type Command } from '../command.js';

export const calendarCommands: Command[] = [
  {
    words: ['calendar'],
    usage: 'calendar --from YYYY-MM-DD --to YYYY-MM-DD [--codes A,B] [--format csv|table]',
    summary: 'Due dates of every library obligation (or the listed codes) for periods starting in the range. No tenant needed.',
    options: { from: { type: 'string' }, to: { type: 'string' }, codes: { type: 'string' }, format: { type: 'string' } },
    async run({ io }, values) {
      const from = dateOption(values, 'from', true);
      const to = dateOption(values, 'to', true);
      if (from > to) throw new UsageError('--from must not be after --to');
      const format = optionalString(values, 'format') ?? 'csv';
      if (format !== 'csv' && format !== 'table') throw new UsageError(`--format ${format}: use csv or table`);
      const codes = optionalString(values, 'codes')?.split(',').map((c) => c.trim().toUpperCase()).filter(Boolean);
      const unknown = codes?.filter((code) => !libraryMasters.some((m) => m.code === code)) ?? [];
      if (unknown.length > 0) {
        throw new UsageError(`unknown code(s): ${unknown.join(', ')}. Known codes: ${libraryMasters.map((m) => m.code).join(', ')}`);
      }
      const masters = codes ? libraryMasters.filter((m) => codes.includes(m.code)) : libraryMasters;
      const rows = calendar(masters, libraryExtensionList, from, to);
      io.out(format === 'csv' ? calendarCsv(rows) : calendarTable(rows));
      return 0;
    },
  },
];
