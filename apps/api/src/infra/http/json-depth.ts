/**
 * Whether a JSON text nests arrays and objects no deeper than `max`, read in one pass over its bytes
 * (brackets inside strings do not count). Run before JSON.parse, so that a deeply nested body is
 * refused before it costs a parse and a validation.
 */
export function jsonDepthWithin(body: Uint8Array, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (inString) {
      if (c === 0x5c) i++; // backslash: the next byte is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return false;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return true;
}
