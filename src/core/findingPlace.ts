// How every output names a finding: its author's label and its line,
// "C3 (line 5)" in reports, "C3 (l.5)" in the CLI's narrow columns.

/** "C3 (line 5)", "C3", "line 5", or '' when neither is known. */
export function findingPlace(label: string | undefined, line: number | undefined, unit: 'line ' | 'l.' = 'line '): string {
  const at = line === undefined ? '' : `${unit}${line}`;
  if (!label) return at;
  return at ? `${label} (${at})` : label;
}
