/** How deep a parsed JSON value nests, measured without recursion. */

/** Whether `value` nests objects or arrays more than `levels` deep (the value itself at level 0). */
export function nestsDeeperThan(value: unknown, levels: number): boolean {
  const pending: { value: unknown; level: number }[] = [{ value, level: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next.value !== 'object' || next.value === null) continue;
    if (next.level > levels) return true;
    for (const child of Object.values(next.value)) pending.push({ value: child, level: next.level + 1 });
  }
  return false;
}
