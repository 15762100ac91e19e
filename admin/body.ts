import busboy from 'busboy';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/** What AdminJS's handlers read a request's body from (its own parser would set the same). */
interface ParsedRequest extends Request {
  fields?: Record<string, string>;
  files?: Record<string, never>;
  express_formidable?: { parsed: boolean };
}

export interface BodyLimits {
  /** The sign-in form: an email and a password. */
  signInBytes: number;
  /** Any other portal form or action (CSV imports are pasted as text, so this is generous). */
  formBytes: number;
}

export const PORTAL_BODY_LIMITS: BodyLimits = { signInBytes: 16 * 1024, formBytes: 2 * 1024 * 1024 };

class BodyProblem extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

const hasBody = (req: Request) => req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;

/** The whole body as text, refusing it (without reading on) once it passes the limit. */
function readText(req: Request, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) return reject(tooLarge(limit));
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.pause();
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const tooLarge = (limit: number) => new BodyProblem(413, `The request is too large: the portal accepts up to ${Math.round(limit / 1024)} KB here.`);

/** Multipart form fields (AdminJS sends record forms this way); files are refused: nothing is ever written to disk. */
function readMultipart(req: Request, limit: number): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) return reject(tooLarge(limit));
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { files: 0, fieldSize: limit, fields: 2000 } });
    } catch {
      return reject(new BodyProblem(400, 'The form could not be read (a multipart body without its boundary).'));
    }
    const fields: Record<string, string> = {};
    let size = 0;
    let failed = false;
    const fail = (problem: BodyProblem) => {
      if (failed) return;
      failed = true;
      req.unpipe(parser);
      req.pause();
      reject(problem);
    };
    parser.on('field', (name, value) => {
      size += name.length + value.length;
      if (size > limit) return fail(tooLarge(limit));
      fields[name] = value;
    });
    parser.on('file', (_name, stream) => {
      stream.resume();
      fail(new BodyProblem(400, 'Files cannot be uploaded here.'));
    });
    parser.on('filesLimit', () => fail(new BodyProblem(400, 'Files cannot be uploaded here.')));
    parser.on('fieldsLimit', () => fail(new BodyProblem(413, 'The form has too many fields.')));
    parser.on('error', () => fail(new BodyProblem(400, 'The form could not be read.')));
    parser.on('close', () => {
      if (!failed) resolve(fields);
    });
    req.pipe(parser);
  });
}

async function parse(req: Request, limit: number): Promise<Record<string, string>> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'multipart/form-data') return readMultipart(req, limit);
  if (type === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(await readText(req, limit)));
  if (type === 'application/json') {
    const text = await readText(req, limit);
    let value: unknown;
    try {
      value = text ? JSON.parse(text) : {};
    } catch {
      throw new BodyProblem(400, 'The request body is not valid JSON.');
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new BodyProblem(400, 'The request body must be a JSON object.');
    return value as Record<string, string>;
  }
  throw new BodyProblem(415, 'The portal reads forms (multipart or urlencoded) and JSON only.');
}

/**
 * Request bodies for the portal, read only where they are needed: the sign-in form (small), and
 * the forms and actions of someone signed in (limited). Anything else — above all a body from
 * someone not signed in — is refused without being read, and nothing is ever written to a
 * temporary folder. It stands in for AdminJS's own parser, which it marks as done.
 */
export function portalBodies(limits: BodyLimits = PORTAL_BODY_LIMITS): RequestHandler {
  return (req: ParsedRequest, res: Response, next: NextFunction) => {
    req.express_formidable = { parsed: true };
    req.fields = {};
    req.files = {};
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS' || !hasBody(req)) return next();
    const signIn = req.method === 'POST' && req.path === '/login';
    const signedIn = Boolean((req.session as { adminUser?: unknown } | undefined)?.adminUser);
    const refuse = (status: number, message: string) => {
      // The rest of the body is not wanted: close the connection rather than read it.
      res.set('Connection', 'close');
      if (req.path.startsWith('/api/')) res.status(status).json({ message });
      else res.status(status).type('text').send(message);
    };
    if (!signIn && !signedIn) return refuse(401, 'Sign in to the portal first.');
    parse(req, signIn ? limits.signInBytes : limits.formBytes).then((fields) => {
      req.fields = fields;
      next();
    }, (error: unknown) => {
      if (error instanceof BodyProblem) return refuse(error.status, error.message);
      next(error);
    });
  };
}
