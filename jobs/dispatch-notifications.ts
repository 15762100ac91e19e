import type { Job } from './context.js';

/**
 * Long-running: sends due outbox rows as they appear, pausing briefly when there are none.
 * Several dispatchers (threads or processes) can run at once: each row goes to one of them.
 */
export const dispatchNotifications: Job = async ({ dispatch, shouldStop }) => dispatch({ concurrency: 4, idleMs: 2000, shouldStop });
