// A one-reader queue between a producer that runs on its own (the chat turn: it stores what it
// streams whatever the reader does) and a reader that may leave early (the HTTP response).

export type EventChannel<T> = {
  push(value: T): void;
  /** No more values; a pending or later read ends. */
  close(): void;
  /** No more values; the reader gets what was buffered, then `error` is thrown. */
  fail(error: unknown): void;
  /** The reader's side: values in order until close. */
  [Symbol.asyncIterator](): AsyncIterator<T>;
};

export function createEventChannel<T>(): EventChannel<T> {
  const buffered: T[] = [];
  let closed = false;
  let failure: { error: unknown } | undefined;
  let wake: (() => void) | undefined;

  return {
    push(value) {
      if (closed) return;
      buffered.push(value);
      wake?.();
    },
    close() {
      closed = true;
      wake?.();
    },
    fail(error) {
      if (closed) return;
      failure = { error };
      closed = true;
      wake?.();
    },
    async *[Symbol.asyncIterator]() {
      for (;;) {
        if (buffered.length) {
          yield buffered.shift()!;
          continue;
        }
        if (failure) throw failure.error;
        if (closed) return;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
    },
  };
}
