type LogFn = (fields: Record<string, unknown>, message: string) => void;

/** Structured logging, as the product's logger does it (each chat app gets the product's logger). */
export interface ChatLogger {
  debug: LogFn & ((message: string) => void);
  info: LogFn & ((message: string) => void);
  warn: LogFn & ((message: string) => void);
  error: LogFn & ((message: string) => void);
  child(bindings: Record<string, unknown>): ChatLogger;
}
