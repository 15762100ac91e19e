import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { duplicatesIn, parseCsv, readTable, validateRows, type CsvTable } from '../../core/setup/csv.js';

describe('parseCsv', () => {
  it('splits plain rows and fields', () => {
    expect(parseCsv('email,name\na@x.in,Asha\nb@x.in,Bala')).toEqual([['email', 'name'], ['a@x.in', 'Asha'], ['b@x.in', 'Bala']]);
  });

  it('keeps commas, escaped quotes and line breaks inside quoted fields', () => {
    const text = 'name,note\n"Rao, Arjun","He said ""file by the 20th"""\n"Two\nlines",x';
    expect(parseCsv(text)).toEqual([
      ['name', 'note'],
      ['Rao, Arjun', 'He said "file by the 20th"'],
      ['Two\nlines', 'x'],
    ]);
  });

  it('keeps a CRLF inside quotes and treats CRLF between rows as one row break', () => {
    expect(parseCsv('a,b\r\n"x\r\ny",2\r\n3,4\r\n')).toEqual([['a', 'b'], ['x\r\ny', '2'], ['3', '4']]);
  });

  it('drops a UTF-8 byte order mark (Excel "CSV UTF-8") so the first column name is clean', () => {
    const [header] = parseCsv('\uFEFFemail,name\na@x.in,Asha');
    expect(header).toEqual(['email', 'name']);
  });

  it('skips blank lines and lines of empty fields, and a trailing line break adds no row', () => {
    expect(parseCsv('a,b\n\n1,2\n , \n\r\n3,4\n')).toEqual([['a', 'b'], ['1', '2'], ['3', '4']]);
  });

  it('keeps empty fields (including a trailing one) so columns stay aligned', () => {
    expect(parseCsv('a,b,c\n1,,\n,2,')).toEqual([['a', 'b', 'c'], ['1', '', ''], ['', '2', '']]);
  });

  it('reads an empty quoted field as an empty value', () => {
    expect(parseCsv('a,b\n"",x')).toEqual([['a', 'b'], ['', 'x']]);
  });

  it('returns no rows for an empty file or one of blank lines only', () => {
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\n\r\n\n')).toEqual([]);
  });
});

describe('readTable', () => {
  const required = ['email', 'name'] as const;
  const optional = ['role'] as const;

  it('names rows by header (trimmed, case-insensitive) with spreadsheet row numbers from 2', () => {
    const { table, problems } = readTable(' Email , NAME ,Role\n a@x.in , Asha ,owner\nb@x.in,Bala,', required, optional);
    expect(problems).toEqual([]);
    expect(table).toEqual({
      header: ['email', 'name', 'role'],
      rows: [
        { row: 2, values: { email: 'a@x.in', name: 'Asha', role: 'owner' } },
        { row: 3, values: { email: 'b@x.in', name: 'Bala', role: '' } },
      ],
    });
  });

  it('numbers a row after a multi-line quoted value by records, not by text lines', () => {
    const { table } = readTable('email,name\n"a@x.in","Asha\nShah"\nb@x.in,Bala', required);
    expect(table!.rows.map((r) => [r.row, r.values.email])).toEqual([[2, 'a@x.in'], [3, 'b@x.in']]);
  });

  it('numbers rows as a spreadsheet shows them when the file has blank lines', () => {
    // Opened in a spreadsheet, the blank line is row 3 and Bala is on row 4.
    const { table } = readTable('email,name\na@x.in,Asha\n\nb@x.in,Bala', required);
    expect(table!.rows.map((r) => [r.row, r.values.name])).toEqual([[2, 'Asha'], [4, 'Bala']]);
  });

  it('reports a missing required column as a row 1 problem and reads no rows', () => {
    const result = readTable('email,role\na@x.in,owner', required, optional);
    expect(result.table).toBeUndefined();
    expect(result.problems).toEqual([{ row: 1, column: 'name', problem: 'this required column is missing from the header' }]);
  });

  it('reports an unknown (mistyped) column on row 1, listing the known ones', () => {
    const result = readTable('email,name,rle\na@x.in,Asha,owner', required, optional);
    expect(result.table).toBeUndefined();
    expect(result.problems).toEqual([{ row: 1, column: 'rle', problem: 'unknown column: the columns are email, name, role' }]);
  });

  it('reports every header problem at once', () => {
    const { problems } = readTable('mail,nme', required);
    expect(problems.map((p) => [p.row, p.column])).toEqual([[1, 'email'], [1, 'name'], [1, 'mail'], [1, 'nme']]);
  });

  it('explains an empty file on row 1', () => {
    const { table, problems } = readTable('\n\n', required);
    expect(table).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ row: 1 });
    expect(problems[0]!.problem).toContain('the first row must name the columns (email, name)');
  });

  it('flags a row with more values than columns (an unquoted comma) with its row number', () => {
    const { table, problems } = readTable('email,name\na@x.in,Asha\nb@x.in,Rao, Bala', required);
    expect(problems).toEqual([{ row: 3, column: '', problem: '3 values for 2 columns (a comma inside a value needs quotes)' }]);
    expect(table!.rows).toHaveLength(2);
  });

  it('fills missing trailing values of a short row with empty strings', () => {
    const { table, problems } = readTable('email,name,role\na@x.in', required, optional);
    expect(problems).toEqual([]);
    expect(table!.rows[0]).toEqual({ row: 2, values: { email: 'a@x.in', name: '', role: '' } });
  });
});

describe('validateRows', () => {
  const schema = z.object({
    email: z.email('not an email address'),
    name: z.string().min(2, 'at least 2 characters'),
    age: z.coerce.number().int('a whole number'),
  });
  const table: CsvTable = {
    header: ['email', 'name', 'age'],
    rows: [
      { row: 2, values: { email: 'a@x.in', name: 'Asha', age: '30' } },
      { row: 3, values: { email: 'not-an-email', name: 'B', age: '30' } },
      { row: 4, values: { email: 'c@x.in', name: 'Chitra', age: '4.5' } },
      { row: 5, values: { email: 'd@x.in', name: 'Dev', age: '41' } },
    ],
  };

  it('collects every bad cell of every row with its row and column, and keeps the good rows', () => {
    const { valid, problems } = validateRows(table, schema);
    expect(problems).toEqual([
      { row: 3, column: 'email', problem: 'not an email address' },
      { row: 3, column: 'name', problem: 'at least 2 characters' },
      { row: 4, column: 'age', problem: 'a whole number' },
    ]);
    expect(valid).toEqual([
      { row: 2, value: { email: 'a@x.in', name: 'Asha', age: 30 } },
      { row: 5, value: { email: 'd@x.in', name: 'Dev', age: 41 } },
    ]);
  });

  it('reports problems under the column named by the shaped value', () => {
    const shaped = z.object({ fullName: z.string().min(5, 'too short') });
    const { problems } = validateRows(table, shaped, (v) => ({ fullName: v.name }));
    expect(problems.map((p) => [p.row, p.column])).toEqual([[2, 'fullName'], [3, 'fullName'], [5, 'fullName']]);
  });
});

describe('duplicatesIn', () => {
  it('flags each repeat after the first, naming the row it repeats', () => {
    const rows = [
      { row: 2, value: { email: 'a@x.in' } },
      { row: 3, value: { email: 'b@x.in' } },
      { row: 4, value: { email: 'a@x.in' } },
      { row: 7, value: { email: 'a@x.in' } },
    ];
    expect(duplicatesIn(rows, 'email', (v) => v.email)).toEqual([
      { row: 4, column: 'email', problem: '"a@x.in" is already on row 2' },
      { row: 7, column: 'email', problem: '"a@x.in" is already on row 2' },
    ]);
  });

  it('finds nothing when every key is different', () => {
    expect(duplicatesIn([{ row: 2, value: 'a' }, { row: 3, value: 'b' }], 'code', (v) => v)).toEqual([]);
  });
});
