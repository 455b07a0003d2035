/**
 * The first key that occurs twice in one JSON object of `text` (any depth), or undefined.
 * JSON.parse silently keeps the last of duplicate keys, so a header naming a tensor twice
 * would otherwise load one of them without a word. Assumes text is valid JSON (parse it first).
 */
export function findDuplicateKey(text: string): { key: string; path: string } | undefined {
  // One frame per open container: the keys seen so far (objects only) and the key path.
  const frames: { keys: Set<string> | undefined; path: string }[] = [];
  let expectKey = false;
  let lastKey = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      const end = stringEnd(text, i);
      const frame = frames[frames.length - 1];
      if (expectKey && frame?.keys) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (frame.keys.has(key)) return { key, path: frame.path };
        frame.keys.add(key);
        lastKey = key;
        expectKey = false;
      }
      i = end;
    } else if (ch === '{' || ch === '[') {
      const parent = frames[frames.length - 1];
      const path = parent === undefined ? '' : parent.keys ? (parent.path ? `${parent.path}.${lastKey}` : lastKey) : `${parent.path}[]`;
      frames.push({ keys: ch === '{' ? new Set() : undefined, path });
      expectKey = ch === '{';
    } else if (ch === '}' || ch === ']') {
      frames.pop();
      expectKey = false;
    } else if (ch === ',') {
      expectKey = frames[frames.length - 1]?.keys !== undefined;
    }
  }
  return undefined;
}

/** Index of the closing quote of the string literal that opens at `start`. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return text.length - 1;
}
