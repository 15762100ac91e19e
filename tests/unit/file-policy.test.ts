import { describe, expect, it } from '@jest/globals';
import { checkFileName, classifyFile } from '../../core/evidence/file-policy.js';

const bytes = (...b: number[]) => Uint8Array.from(b);
const text = (s: string) => new TextEncoder().encode(s);

describe('evidence types are decided by content', () => {
  it.each([
    ['challan.pdf', text('%PDF-1.7\n'), 'application/pdf'],
    ['scan.png', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0), 'image/png'],
    ['photo.jpg', bytes(0xff, 0xd8, 0xff, 0xe0), 'image/jpeg'],
    ['workings.xlsx', bytes(0x50, 0x4b, 0x03, 0x04, 0x14), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['bundle.zip', bytes(0x50, 0x4b, 0x03, 0x04, 0x14), 'application/zip'],
    ['ledger.csv', text('date,amount\n2026-11-01,100\n'), 'text/csv'],
    ['ack.txt', text('ARN AA271126001234 acknowledged'), 'text/plain'],
  ])('accepts %s', (name, first, contentType) => {
    expect(classifyFile(first, name)).toEqual({ ok: true, type: expect.any(String), contentType });
  });

  it('refuses a program renamed .pdf, naming what it really is', () => {
    expect(classifyFile(bytes(0x4d, 0x5a, 0x90, 0x00), 'challan.pdf')).toEqual({ ok: false, reason: 'it is a Windows program (.exe), whatever its name says' });
    expect(classifyFile(bytes(0x7f, 0x45, 0x4c, 0x46), 'report.pdf')).toMatchObject({ ok: false });
  });

  it('refuses an empty file and binary content of unknown type', () => {
    expect(classifyFile(new Uint8Array(), 'empty.pdf')).toEqual({ ok: false, reason: 'the file is empty (0 bytes)' });
    expect(classifyFile(bytes(0x00, 0x01, 0x02, 0xfe), 'blob.pdf')).toEqual({ ok: false, reason: 'its content is not a type we keep as evidence' });
  });

  it('refuses a type the tenant does not allow', () => {
    expect(classifyFile(bytes(0x50, 0x4b, 0x03, 0x04), 'bundle.zip', ['pdf'])).toEqual({ ok: false, reason: 'ZIP files are not accepted here' });
  });
});

describe('file names', () => {
  it('keeps plain names and refuses anything path-like', () => {
    expect(checkFileName(' GSTR-3B Nov 2026.pdf ')).toEqual({ ok: true, name: 'GSTR-3B Nov 2026.pdf' });
    expect(checkFileName('../../etc/passwd.pdf')).toMatchObject({ ok: false, reason: expect.stringContaining('looks like a path') });
    expect(checkFileName('a\\b.pdf')).toMatchObject({ ok: false });
    expect(checkFileName('.env')).toMatchObject({ ok: false });
    expect(checkFileName('x\u0000.pdf')).toEqual({ ok: false, reason: 'the name contains control characters' });
  });
});
