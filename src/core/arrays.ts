// `xs.push(...ys)` passes one argument per element and overflows the stack
// near 130 000 of them (63 000 in the web extension host); files are
// untrusted and may hold that many rows. Append in a loop instead.

/** Append every item of each list to `target`; returns `target`. */
export function pushAll<T>(target: T[], ...lists: readonly (readonly T[])[]): T[] {
  for (const list of lists) for (const item of list) target.push(item);
  return target;
}
