/**
 * Numbers the requests of one kind (a window of rows, a search) so that only the answer to the
 * newest is shown: the core answers on worker threads, not always in the order asked, and an
 * answer overtaken by a newer request is out of date.
 */
export class Latest {
  #asked = 0;

  /** A ticket for a request about to be made. */
  ask(): number {
    return ++this.#asked;
  }

  /** Whether `ticket` is still the newest request's. */
  isNewest(ticket: number): boolean {
    return ticket === this.#asked;
  }
}
