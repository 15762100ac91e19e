import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';

/**
 * The house's rules, read off the source itself so they stay true: SQL lives only in infra/
 * (and migrations/), and app/ — the composition root — is imported by nobody but itself.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const LAYERS = ['app', 'core', 'infra', 'bot', 'admin', 'jobs'];

function sources(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|mjs|jsx)$/.test(e.name))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
}

const IMPORT = /(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;
/** The repository folder a file's relative imports land in. */
function importedLayers(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => path.relative(ROOT, path.resolve(ROOT, path.dirname(file), m[1]!)).split(path.sep)[0]!);
}

describe('the layers of the house', () => {
  it('has SQL (knex, a transaction builder trx(…)) only in infra/', () => {
    const offenders = LAYERS.filter((l) => l !== 'infra').flatMap(sources).filter((file) => {
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      return /from 'knex'|\bKnex\b|\btrx\s*\(|\.raw\(/.test(text);
    });
    expect(offenders).toEqual([]);
  });

  it('lets nothing outside app/ import app/ (it is the composition root)', () => {
    const offenders = LAYERS.filter((l) => l !== 'app').flatMap(sources).filter((file) => importedLayers(file).includes('app'));
    expect(offenders).toEqual([]);
  });

  it('has no import cycle between top-level folders', () => {
    const edges = new Map(LAYERS.map((l) => [l, new Set<string>()]));
    for (const layer of LAYERS) {
      for (const file of sources(layer)) {
        for (const target of importedLayers(file)) if (target !== layer && edges.has(target)) edges.get(layer)!.add(target);
      }
    }
    const cycles: string[] = [];
    const walk = (from: string, trail: string[]) => {
      for (const next of edges.get(from)!) {
        if (next === trail[0]) cycles.push([...trail, next].join(' → '));
        else if (!trail.includes(next)) walk(next, [...trail, next]);
      }
    };
    for (const layer of LAYERS) walk(layer, [layer]);
    expect(cycles).toEqual([]);
  });
});
