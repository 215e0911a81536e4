/**
 * A queue of read-modify-write tasks on extension storage that run one after
 * another. Storage has no transactions: two tasks that each read a list, change
 * it and write it back would otherwise overwrite each other's change. Each
 * stored structure gets its own queue (this worker is its only writer); a task
 * must never wait on another task of the same queue, or both wait forever.
 */
export function serialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let queue: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };
}
