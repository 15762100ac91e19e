import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import compression from 'compression';
import type AdminJS from 'adminjs';
import { AppController } from 'adminjs';
import express, { type Request, type Response, type Router } from 'express';
import { rewriteHtml } from '../infra/http/html-rewrite.js';

type Encoding = 'br' | 'gzip';

const COMPRESS: Record<Encoding, (body: Buffer) => Promise<Buffer>> = {
  // Once per file, so a slower, tighter setting than a response-by-response one.
  br: (body) => promisify(zlib.brotliCompress)(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 6, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
  gzip: (body) => promisify(zlib.gzip)(body, { level: 9 }),
};

/** A script every portal page loads, held in memory: its bytes, a hash of them, and each compressed form once asked for. */
class Script {
  readonly version: string;
  private readonly encoded = new Map<Encoding, Promise<Buffer>>();

  constructor(readonly body: Buffer) {
    this.version = createHash('sha256').update(body).digest('hex').slice(0, 16);
  }

  as(encoding: Encoding): Promise<Buffer> {
    let compressed = this.encoded.get(encoding);
    if (!compressed) this.encoded.set(encoding, (compressed = COMPRESS[encoding](this.body)));
    return compressed;
  }
}

/**
 * AdminJS's prebuilt production bundles: React, the design system and the AdminJS application
 * minified (3.3 MB, about 0.9 MB compressed), in place of the 25 MB development builds AdminJS
 * serves unless NODE_ENV=production. The server side of AdminJS is the same whichever it is given.
 */
function productionBundles(): Record<string, string> {
  const require = createRequire(import.meta.url);
  const adminjs = path.dirname(require.resolve('adminjs'));
  const scripts = path.join(adminjs, 'lib/frontend/assets/scripts');
  // As AdminJS finds it (its router's resolveDesignSystemBundle), from AdminJS's own dependencies.
  const designSystem = path.join(path.dirname(createRequire(require.resolve('adminjs')).resolve('@adminjs/design-system')), '../bundle.production.js');
  return {
    'global.bundle.js': path.join(scripts, 'global-bundle.production.js'),
    'design-system.bundle.js': designSystem,
    'app.bundle.js': path.join(scripts, 'app-bundle.production.js'),
  };
}

/**
 * The portal's own components bundled once, now, rather than on the first page someone opens:
 * a bundle left by older code is dropped first. AdminJS minifies it when NODE_ENV=production.
 */
async function componentsBundle(admin: AdminJS, bundleDir: string): Promise<Buffer> {
  await rm(path.join(bundleDir, 'bundle.js'), { force: true });
  const code = await new AppController({ admin }, null).bundleComponents();
  if (code === null) throw new Error(`AdminJS wrote no component bundle in ${bundleDir}`);
  // Built: AdminJS's own start-up call (admin.initialize, in production) must not build it again.
  process.env.ADMIN_JS_SKIP_BUNDLE = 'true';
  return Buffer.from(code);
}

/** A year: a versioned script's address changes with its content, so what a browser holds never goes stale. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

export interface PortalAssets {
  /** Mount before the session: scripts need no session, and their requests then cost no database round trip. */
  router: Router;
}

/**
 * How the portal's pages reach the browser: every response compressed (br or gzip), the four
 * scripts each page loads served from memory, compressed once, and linked from the pages with
 * their version (`app.bundle.js?v=<hash>`) so browsers keep them for a year and ask again only
 * when they change; an address without the current version is revalidated on each use.
 */
export async function portalAssets(admin: AdminJS, bundleDir: string): Promise<PortalAssets> {
  const files = productionBundles();
  const scripts = new Map<string, Script>(await Promise.all([
    ...Object.entries(files).map(async ([name, file]) => [name, new Script(await readFile(file))] as const),
    (async () => ['components.bundle.js', new Script(await componentsBundle(admin, bundleDir))] as const)(),
  ]));
  const root = `${admin.options.rootPath}/frontend/assets/`;

  const router = express.Router();
  router.use(compression());
  router.get('/frontend/assets/:name', async (req: Request, res: Response, next) => {
    const script = scripts.get(String(req.params.name));
    if (!script) return next();
    try {
      res.vary('Accept-Encoding');
      res.set({ 'Content-Type': 'text/javascript; charset=utf-8', ETag: `"${script.version}"` });
      res.set('Cache-Control', req.query.v === script.version ? IMMUTABLE : 'no-cache');
      if (req.fresh) return void res.status(304).end();
      // Brotli whenever the browser takes it (smaller), even where it lists gzip first, as Chrome does.
      const encoding = (['br', 'gzip'] as const).find((e) => req.acceptsEncodings(e) === e);
      if (!encoding) return void res.send(script.body);
      res.set('Content-Encoding', encoding).send(await script.as(encoding));
    } catch (error) {
      next(error);
    }
  });
  // Pages name each script with its version.
  const link = new RegExp(`(["'])${escapeRegExp(root)}(${[...scripts.keys()].map(escapeRegExp).join('|')})\\1`, 'g');
  router.use((_req, res, next) => {
    rewriteHtml(res, (html) => html.replace(link, (_all, quote: string, name: string) => `${quote}${root}${name}?v=${scripts.get(name)!.version}${quote}`));
    next();
  });

  return { router };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
