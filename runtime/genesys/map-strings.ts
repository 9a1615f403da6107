/** A copy of `value` with `map` applied to every string in it, object keys included (plain JSON-like data). */
export function mapStringsDeep<T>(value: T, map: (text: string) => string): T {
  if (typeof value === 'string') return map(value) as T;
  if (Array.isArray(value)) return value.map((v) => mapStringsDeep(v, map)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [map(k), mapStringsDeep(v, map)])) as T;
  }
  return value;
}
