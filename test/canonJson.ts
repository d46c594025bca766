// Plain data as JSON with sorted keys: equal values give equal strings,
// whatever order their properties were made in (a JSON round trip included).
// Shared by the unit and the integration tests that compare gradings.
export function canon(x: unknown): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sort)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, sort((v as Record<string, unknown>)[k])]),
          )
        : v;
  return JSON.stringify(sort(x));
}
