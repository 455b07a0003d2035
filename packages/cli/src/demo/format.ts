/** 61706 -> "61,706" regardless of the machine's locale, so output is stable. */
export function thousands(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Per-class counts of a label array. */
export function classCounts(labels: ArrayLike<number>, classes: number, count = labels.length): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (let i = 0; i < count; i++) counts[labels[i]!]! += 1;
  return counts;
}

/** A small table: one column per class, one row per named count list. */
export function countsTable(classNames: readonly string[], rows: readonly (readonly [string, readonly number[]])[]): string[] {
  const head = Math.max(5, ...rows.map(([name]) => name.length));
  const width = Math.max(4, ...rows.flatMap(([, counts]) => counts.map((c) => String(c).length + 1)));
  const line = (name: string, cells: readonly (string | number)[]): string =>
    `${name.padEnd(head)}${cells.map((c) => String(c).padStart(width)).join('')}`;
  return [line('class', classNames), ...rows.map(([name, counts]) => line(name, counts))];
}
