import type { Request } from 'express';

export interface Notice {
  kind: 'ok' | 'error';
  text: string;
}

declare module 'express-session' {
  interface SessionData {
    /** What the last button did, shown once on the page it leads back to. */
    notice?: Notice;
  }
}

/** Keeps the outcome of a form for the page the browser is sent back to. */
export const leaveNotice = (req: Request, notice: Notice) => {
  req.session.notice = notice;
};

/** The outcome left for this page, shown once. */
export function takeNotice(req: Request): { notice: Notice } | undefined {
  const notice = req.session.notice;
  if (!notice) return undefined;
  delete req.session.notice;
  return { notice };
}
