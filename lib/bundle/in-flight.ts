/**
 * `fn` over `items` with at most `limit` calls awaiting at once, results in input order. Issuing a
 * certificate is a handful of WebCrypto calls that each wait for a crypto thread; a fleet issued one
 * at a time spends most of its time waiting, while a few in flight keep those threads busy.
 */
export async function mapInFlight<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
