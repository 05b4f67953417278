// Maps over items with at most `limit` calls in flight, results in input order: bounded memory and file handles.
export async function mapWithConcurrency<T, R>(items: T[], limit: number, map: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    // After a failure no new call starts, and the calls in flight finish before the error is thrown:
    // nothing keeps writing once the caller has given up (and, say, removed the folder being written).
    while (next < items.length && !failure) {
      const index = next++;
      try {
        results[index] = await map(items[index] as T, index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw failure.error;
  return results;
}
