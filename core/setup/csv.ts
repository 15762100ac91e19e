import type { z } from 'zod';

/** A problem with one cell or row of an imported file, in spreadsheet terms (row 1 is the header). */
export interface RowProblem {
  row: number;
  column: string;
  problem: string;
}

export interface CsvTable {
  header: string[];
  /** Data rows with their spreadsheet row number. */
  rows: { row: number; values: Record<string, string> }[];
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. Blank lines are skipped. */
export function parseCsv(text: string): string[][] {
  return csvRecords(text).filter((r) => !isBlank(r));
}

const isBlank = (record: string[]) => record.every((v) => v.trim() === '');

/** Every record, blank ones included: record i is spreadsheet row i + 1. */
function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  const input = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') { record.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && input[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || record.length > 0) { record.push(field); records.push(record); }
  return records;
}

/**
 * Reads a CSV with a header row into named rows, checking the header first: every required
 * column present, no unknown ones (a typo would otherwise drop data silently).
 */
export function readTable(text: string, required: readonly string[], optional: readonly string[] = []): { table?: CsvTable; problems: RowProblem[] } {
  // Numbered before blank lines are skipped, so a row number is the row a spreadsheet shows.
  const [header1, ...numbered] = csvRecords(text).map((values, i) => ({ row: i + 1, values })).filter((r) => !isBlank(r.values));
  const headerRow = header1?.values;
  if (!headerRow) return { problems: [{ row: 1, column: '', problem: `the file is empty: the first row must name the columns (${required.join(', ')})` }] };
  const header = headerRow.map((h) => h.trim().toLowerCase());
  const known = new Set([...required, ...optional]);
  const problems: RowProblem[] = [
    ...required.filter((c) => !header.includes(c)).map((c) => ({ row: 1, column: c, problem: 'this required column is missing from the header' })),
    ...header.filter((c) => !known.has(c)).map((c) => ({ row: 1, column: c, problem: `unknown column: the columns are ${[...known].join(', ')}` })),
  ];
  if (problems.length > 0) return { problems };
  const rows = numbered.map(({ row, values }) => ({
    row,
    values: Object.fromEntries(header.map((h, j) => [h, (values[j] ?? '').trim()])),
  }));
  const ragged = numbered.flatMap(({ row, values }) => (values.length > header.length ? [{ row, column: '', problem: `${values.length} values for ${header.length} columns (a comma inside a value needs quotes)` }] : []));
  return { table: { header, rows }, problems: ragged };
}

/** Validates every row with a schema, collecting each bad cell as a row problem. */
export function validateRows<S extends z.ZodType>(table: CsvTable, schema: S, shape: (values: Record<string, string>) => unknown = (v) => v): { valid: { row: number; value: z.infer<S> }[]; problems: RowProblem[] } {
  const valid: { row: number; value: z.infer<S> }[] = [];
  const problems: RowProblem[] = [];
  for (const { row, values } of table.rows) {
    const result = schema.safeParse(shape(values));
    if (result.success) valid.push({ row, value: result.data });
    else for (const issue of result.error.issues) problems.push({ row, column: String(issue.path[0] ?? ''), problem: issue.message });
  }
  return { valid, problems };
}

/** Flags values that must be unique within the file (e.g. the same email twice). */
export function duplicatesIn<T>(rows: { row: number; value: T }[], column: string, key: (value: T) => string): RowProblem[] {
  const first = new Map<string, number>();
  const problems: RowProblem[] = [];
  for (const { row, value } of rows) {
    const k = key(value);
    const seen = first.get(k);
    if (seen !== undefined) problems.push({ row, column, problem: `"${k}" is already on row ${seen}` });
    else first.set(k, row);
  }
  return problems;
}
