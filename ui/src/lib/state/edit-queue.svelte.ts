import { toAppError, type AppError } from '../api';

/**
 * The edits the window asks for, run one after another: the core runs commands on worker
 * threads, which keep no order of their own, and two quick Alt+↓ must land in the order pressed.
 * One queue serves the bundle list and the open bundle, so filing a bundle waits for a move
 * asked for before it.
 */
export class EditQueue {
  /** How many edits are asked for and not yet answered (the editor says it is saving). */
  pending = $state(0);
  /** The last edit asked for: the next one starts once it has finished. */
  #last: Promise<unknown> = Promise.resolve();

  /** Runs `edit` once every edit asked for before it has finished. */
  inTurn<T>(edit: () => Promise<T>): Promise<T> {
    this.pending += 1;
    const turn = this.#last.then(edit).finally(() => (this.pending -= 1));
    this.#last = turn.catch(() => undefined);
    return turn;
  }
}

/** Runs `action` now; a failure is shown in `holder.error`, not thrown. True if it succeeded. */
export async function reported(holder: { error: AppError | null }, action: () => Promise<void>): Promise<boolean> {
  try {
    await action();
    holder.error = null;
    return true;
  } catch (reason) {
    holder.error = toAppError(reason);
    return false;
  }
}
