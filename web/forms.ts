import express, { type Request } from 'express';

/** A small urlencoded form (no files: uploads are streamed by busboy where they are taken). */
export const smallForm = (limit: string) => express.urlencoded({ extended: false, limit });

/** A form field as text ('' when absent or not text). */
export const formField = (req: Request, name: string): string => {
  const value = (req.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
};
