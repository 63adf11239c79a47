/** The deepest nesting of objects and arrays a JSON body may have; deeper bodies are refused with 400. */
export const MAX_JSON_DEPTH = 64;

/**
 * Visits every object and array in `value` with its path, depth first, without recursion (an explicit
 * stack), so a hostile body cannot overflow the call stack. Visiting stops below `maxDepth`: the caller
 * learns that the value is deeper by `visit` being called with `depth > maxDepth` once, then it returns.
 */
export function walkJson(
  value: unknown,
  maxDepth: number,
  visit: (node: object, path: string, depth: number) => void,
): void {
  const stack: { node: unknown; path: string; depth: number }[] = [{ node: value, path: '', depth: 1 }];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const { node, path, depth } = top;
    if (typeof node !== 'object' || node === null) continue;
    visit(node, path, depth);
    if (depth > maxDepth) return;
    const keys = Object.keys(node);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i];
      stack.push({
        node: (node as Record<string, unknown>)[key],
        path: path ? `${path}.${key}` : key,
        depth: depth + 1,
      });
    }
  }
}

/** True when objects and arrays in `value` nest deeper than `maxDepth` levels. */
export function nestsDeeperThan(value: unknown, maxDepth: number): boolean {
  let deeper = false;
  walkJson(value, maxDepth, (_node, _path, depth) => (deeper ||= depth > maxDepth));
  return deeper;
}
