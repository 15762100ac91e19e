/**
 * What may be stored as evidence: the type is decided by the file's first bytes (magic
 * numbers), never by its name alone; the name must be a plain file name. Pure: the caller
 * streams the file and hands over its first bytes.
 */
export const EVIDENCE_TYPES = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  zip: 'application/zip',
  csv: 'text/csv',
  txt: 'text/plain',
} as const;
export type EvidenceType = keyof typeof EVIDENCE_TYPES;

export const DEFAULT_ALLOWED: EvidenceType[] = ['pdf', 'png', 'jpeg', 'xlsx', 'docx', 'csv', 'txt', 'zip'];

export type FileVerdict =
  | { ok: true; type: EvidenceType; contentType: string }
  | { ok: false; reason: string };

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** Executables and scripts recognised by their first bytes: named in the refusal. */
const KNOWN_BAD: [number[], string][] = [
  [[0x4d, 0x5a], 'a Windows program (.exe)'],
  [[0x7f, 0x45, 0x4c, 0x46], 'a Linux program (ELF)'],
  [[0xcf, 0xfa, 0xed, 0xfe], 'a macOS program'],
  [[0x23, 0x21], 'a script'],
];

function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, Math.max(0, bytes.length - 4)));
    return true;
  } catch {
    return false;
  }
}

const extension = (name: string) => (name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '');

/** Decides from the first bytes (up to 4 KiB is plenty) and the name. */
export function classifyFile(firstBytes: Uint8Array, fileName: string, allowed: EvidenceType[] = DEFAULT_ALLOWED): FileVerdict {
  if (firstBytes.length === 0) return { ok: false, reason: 'the file is empty (0 bytes)' };
  for (const [magic, what] of KNOWN_BAD) {
    if (startsWith(firstBytes, magic)) return { ok: false, reason: `it is ${what}, whatever its name says` };
  }
  let type: EvidenceType | undefined;
  if (startsWith(firstBytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) type = 'pdf';
  else if (startsWith(firstBytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) type = 'png';
  else if (startsWith(firstBytes, [0xff, 0xd8, 0xff])) type = 'jpeg';
  else if (startsWith(firstBytes, [0x50, 0x4b, 0x03, 0x04])) {
    // Office files are ZIP containers: the name tells which kind.
    const ext = extension(fileName);
    type = ext === 'xlsx' ? 'xlsx' : ext === 'docx' ? 'docx' : 'zip';
  } else if (looksLikeText(firstBytes)) type = extension(fileName) === 'csv' ? 'csv' : 'txt';
  if (!type) return { ok: false, reason: 'its content is not a type we keep as evidence' };
  if (!allowed.includes(type)) return { ok: false, reason: `${type.toUpperCase()} files are not accepted here` };
  return { ok: true, type, contentType: EVIDENCE_TYPES[type] };
}

/**
 * A file name fit to show and store beside the evidence: plain name only. Anything that could
 * be read as a path is refused, not silently rewritten.
 */
export function checkFileName(name: string): { ok: true; name: string } | { ok: false; reason: string } {
  const trimmed = name.trim();
  if (trimmed === '') return { ok: false, reason: 'the file has no name' };
  if (/[/\\]/.test(trimmed) || trimmed.includes('..') || trimmed.startsWith('.')) {
    return { ok: false, reason: `the name "${trimmed.slice(0, 80)}" looks like a path; rename it to a plain file name` };
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) return { ok: false, reason: 'the name contains control characters' };
  if (trimmed.length > 200) return { ok: false, reason: 'the name is longer than 200 characters' };
  return { ok: true, name: trimmed };
}

export const formatBytes = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} bytes`;
