/**
 * The work a listener does after ack() (reading the answer, posting it back), run a few at a
 * time. Slack gives 3 s for the ack and the person waits for it: under a burst, twenty answers
 * computed at once would delay the acks of the requests behind them, while answers queued here
 * still arrive within a moment.
 */
export function afterAckQueue(concurrency: number): <T>(work: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (work) => {
    if (running >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
    try {
      return await work();
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  };
}

/** The process's queue of post-ack work (one Slack app per process). */
export const afterAck = afterAckQueue(2);
