/**
 * Handshake that lets an upload refill one read buffer instead of allocating a new one per chunk.
 *
 * A fresh buffer per chunk is safe with any transport, but dead buffers pile up until V8 collects
 * them (up to its 64 MB external-memory trigger), which is most of an upload's memory. A buffer may
 * be refilled only once the transport no longer needs its bytes, and only the transport can know
 * that: it calls `attach` with a wait that resolves once everything it was given has been handed to
 * the operating system. Transports that cannot tell (host HTTP clients) never attach, and the
 * reader keeps allocating.
 */
export class ChunkRecycler {
  private flushed: (() => Promise<void>) | undefined;

  /** Called by a transport before it reads the body. */
  attach(flushed: () => Promise<void>): void {
    this.flushed = flushed;
  }

  /** Whether a transport has attached, so read buffers may be reused. */
  get active(): boolean {
    return this.flushed !== undefined;
  }

  /** Resolves once the transport holds no reference to any chunk it was given so far. */
  async settle(): Promise<void> {
    if (this.flushed) await this.flushed();
  }
}
