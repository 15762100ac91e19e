/**
 * What a PostgreSQL transaction gives the in-memory store: locks held until it ends (a row's
 * FOR UPDATE, the audit chain's advisory lock, a unique key being inserted), and all or nothing
 * (each write leaves an undo step; a failure runs them backwards). Writes are in place, so a
 * second transaction could read uncommitted rows it has not locked: use cases lock the item
 * first, which is what keeps them apart in the real store too.
 */
export class Locks {
  private readonly holders = new Map<string, { owner: FakeTransaction; released: Promise<void>; release: () => void }>();

  /** Waits for whichever other transaction holds `key`, then holds it for `tx` until `tx` ends. */
  async acquire(key: string, tx: FakeTransaction): Promise<void> {
    for (;;) {
      const held = this.holders.get(key);
      if (!held) break;
      if (held.owner === tx) return;
      await held.released;
    }
    let release!: () => void;
    const released = new Promise<void>((resolve) => { release = resolve; });
    this.holders.set(key, { owner: tx, released, release });
    tx.onEnd(() => {
      this.holders.delete(key);
      release();
    });
  }
}

export class FakeTransaction {
  private readonly undo: (() => void)[] = [];
  private readonly endings: (() => void)[] = [];
  private ended = false;

  /** Refuses work after commit or rollback, as knex does for a finished transaction. */
  check(): void {
    if (this.ended) throw new Error('Transaction query already complete: the unit of work was used after its transaction ended.');
  }

  /** Records how to take back a write if the transaction fails. */
  wrote(undo: () => void): void {
    this.undo.push(undo);
  }

  onEnd(fn: () => void): void {
    this.endings.push(fn);
  }

  end(committed: boolean): void {
    if (!committed) for (const step of this.undo.reverse()) step();
    this.ended = true;
    for (const fn of this.endings) fn();
  }
}

/** Runs `work` as one transaction: committed when it resolves, rolled back when it throws. */
export async function inTransaction<T>(work: (tx: FakeTransaction) => Promise<T>): Promise<T> {
  const tx = new FakeTransaction();
  try {
    const result = await work(tx);
    tx.end(true);
    return result;
  } catch (error) {
    tx.end(false);
    throw error;
  }
}
