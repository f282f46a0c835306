/** Grafast (PostGraphile 5) calls `Promise.withResolvers`, which Node only has from version 22. */
const promise = Promise as unknown as { withResolvers?: unknown };
promise.withResolvers ??= function withResolvers<T>() {
  let resolve!: (value: T | PromiseLike<T>) => void;
  let reject!: (reason?: unknown) => void;
  const settled = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise: settled, resolve, reject };
};
