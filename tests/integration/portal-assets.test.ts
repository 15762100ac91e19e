import { existsSync, readFileSync } from 'node:fs';
import { get } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startDemoPortal, type DemoPortal } from '../support/portal.js';

/**
 * What a portal page costs the browser: AdminJS's production scripts (not its 25 MB of
 * development code, even in development), compressed, linked by version so the browser keeps
 * them for a year, and the portal's components bundled at start rather than on the first page.
 */
let p: DemoPortal;
let bundleDir: string;
const SCRIPTS = ['global.bundle.js', 'design-system.bundle.js', 'app.bundle.js', 'components.bundle.js'];
const adminjs = path.dirname(createRequire(import.meta.url).resolve('adminjs'));
const PRODUCTION_APP = readFileSync(path.join(adminjs, 'lib/frontend/assets/scripts/app-bundle.production.js'));

beforeAll(async () => {
  p = await startDemoPortal('admin');
  bundleDir = p.portal.runtime.config.portal.bundleDir;
});
afterAll(async () => {
  await p?.close();
});

/** The script addresses a page links, by file name. */
async function linkedScripts(): Promise<Record<string, string>> {
  const html = await (await p.client.get('/admin/resources/compliance_instances')).text();
  const links = [...html.matchAll(/<script[^>]*\ssrc="(\/admin\/frontend\/assets\/([^"?]+)[^"]*)"/g)];
  return Object.fromEntries(links.map((m) => [m[2]!, m[1]!]));
}

interface Raw { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }

/** A GET whose body stays as sent (fetch would undo the compression this test is about). */
function rawGet(address: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    get(`${p.portal.url}${address}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

const CHROME = 'gzip, deflate, br, zstd';

describe('the scripts a portal page loads', () => {
  it('has the portal’s components bundled at start, before any page asked for them', () => {
    expect(existsSync(path.join(bundleDir, 'bundle.js'))).toBe(true);
    expect(readFileSync(path.join(bundleDir, 'bundle.js'), 'utf8')).toContain('PreviewConfirm');
  });

  it('links each script with its version, and a versioned script is kept by the browser for a year', async () => {
    const links = await linkedScripts();
    expect(Object.keys(links).sort()).toEqual([...SCRIPTS].sort());
    for (const address of Object.values(links)) {
      expect(address).toMatch(/\?v=[0-9a-f]{16}$/);
      const res = await rawGet(address, { 'accept-encoding': CHROME, cookie: p.client.cookie });
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      // Served before the session: no cookie set, nothing to keep a shared cache from holding it.
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });

  it('sends AdminJS’s production application, brotli- or gzip-compressed as the browser takes it', async () => {
    const { 'app.bundle.js': app } = await linkedScripts();
    // Chrome lists gzip first; brotli is smaller, and taken.
    const br = await rawGet(app!, { 'accept-encoding': CHROME });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);
    expect(brotliDecompressSync(br.body).equals(PRODUCTION_APP)).toBe(true);

    const gzip = await rawGet(app!, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).equals(PRODUCTION_APP)).toBe(true);

    const plain = await rawGet(app!);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(PRODUCTION_APP)).toBe(true);
  });

  it('costs a first visit under 1 MB of scripts (AdminJS’s development scripts were 25 MB)', async () => {
    const sizes = await Promise.all(Object.values(await linkedScripts()).map(async (address) => (await rawGet(address, { 'accept-encoding': CHROME })).body.length));
    const total = sizes.reduce((sum, size) => sum + size, 0);
    expect(total).toBeGreaterThan(500_000);
    expect(total).toBeLessThan(1_000_000);
  });

  it('has an unversioned address revalidated on each use, answered 304 while it has not changed', async () => {
    const res = await rawGet('/admin/frontend/assets/design-system.bundle.js', { 'accept-encoding': 'br' });
    expect(res.headers['cache-control']).toBe('no-cache');
    const etag = String(res.headers.etag);
    expect(etag).toMatch(/^"[0-9a-f]{16}"$/);
    const again = await rawGet('/admin/frontend/assets/design-system.bundle.js', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('compresses the pages and the API’s answers too', async () => {
    const page = await rawGet('/admin/resources/compliance_instances', { cookie: p.client.cookie, 'accept-encoding': CHROME });
    expect(page.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(page.body).toString()).toContain('window.REDUX_STATE');
    const api = await rawGet('/admin/api/resources/compliance_instances/actions/list', { cookie: p.client.cookie, 'accept-encoding': 'gzip' });
    expect(api.headers['content-encoding']).toBe('gzip');
    expect((JSON.parse(gunzipSync(api.body).toString()) as { records: unknown[] }).records.length).toBeGreaterThan(0);
  });
});
