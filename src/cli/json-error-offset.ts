/** The character offset where a JSON text first goes wrong (V8 only sometimes says), or -1 for valid JSON; its own stack, so no nesting overflows. */
export function findJsonErrorOffset(text: string): number {
  const open: string[] = [];
  let state: 'value' | 'firstValue' | 'key' | 'firstKey' | 'colon' | 'after' = 'value';
  let index = 0;
  const literal = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
  for (;;) {
    while (index < text.length && ' \t\n\r'.includes(text[index] as string)) index++;
    if (index >= text.length) return state === 'after' && open.length === 0 ? -1 : text.length;
    const character = text[index] as string;
    const innermost = open.at(-1);
    switch (state) {
      case 'value':
      case 'firstValue':
        if (state === 'firstValue' && character === ']') {
          open.pop();
          index++;
          state = 'after';
        } else if (character === '{' || character === '[') {
          open.push(character);
          index++;
          state = character === '{' ? 'firstKey' : 'firstValue';
        } else if (character === '"') {
          index = endOfString(text, index);
          if (index < 0) return -index - 1;
          state = 'after';
        } else {
          literal.lastIndex = index;
          if (!literal.test(text)) return index;
          index = literal.lastIndex;
          state = 'after';
        }
        break;
      case 'key':
      case 'firstKey':
        if (state === 'firstKey' && character === '}') {
          open.pop();
          index++;
          state = 'after';
          break;
        }
        if (character !== '"') return index;
        index = endOfString(text, index);
        if (index < 0) return -index - 1;
        state = 'colon';
        break;
      case 'colon':
        if (character !== ':') return index;
        index++;
        state = 'value';
        break;
      case 'after':
        if (innermost === undefined) return index;
        if (character === ',') state = innermost === '{' ? 'key' : 'value';
        else if ((character === '}' && innermost === '{') || (character === ']' && innermost === '[')) open.pop();
        else return index;
        index++;
        break;
    }
  }
}

/** The offset just past the string starting at `start`, or `-(offset + 1)` of the fault in it. */
function endOfString(text: string, start: number): number {
  for (let index = start + 1; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x22) return index + 1;
    if (code < 0x20) return -index - 1;
    if (code === 0x5c) {
      const escaped = text[index + 1];
      if (escaped === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(index + 2, index + 6))) return -index - 1;
        index += 5;
      } else if (escaped !== undefined && '"\\/bfnrt'.includes(escaped)) {
        index++;
      } else {
        return -index - 1;
      }
    }
  }
  return -text.length - 1;
}
