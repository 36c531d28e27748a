/**
 * How many leading indices of [0, n) satisfy `pred`, for a predicate that is
 * true up to some index and false from there on (a sorted array's "start is
 * before x"). Binary search: O(log n) calls of `pred`.
 */
export function countWhile(n: number, pred: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pred(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
