import type { Response } from 'express';

/**
 * Passes every HTML page this response sends through `rewrite` before it leaves (AdminJS renders
 * each page as one string and sends it with res.send). Other bodies go out as they are.
 */
export function rewriteHtml(res: Response, rewrite: (html: string) => string): void {
  const send = res.send.bind(res);
  res.send = (body?: unknown) => {
    const type = res.get('Content-Type');
    const html = typeof body === 'string' && (!type || type.includes('html'));
    return send(html ? rewrite(body as string) : body);
  };
}
