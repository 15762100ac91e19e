/** The outbox as people operate it: sending a message again. */
export interface NotificationQueue {
  /**
   * Puts a failed or dead notification back to pending, due now, attempts reset; undefined when
   * there is no such notification in those states (a pending one is on its way, a sent one delivered).
   */
  requeue(id: string): Promise<{ id: string; kind: string } | undefined>;
}
