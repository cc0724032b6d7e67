import { jsonDepthWithin } from './json-depth';

const bytes = (s: string): Uint8Array => Buffer.from(s);

describe('jsonDepthWithin', () => {
  it('counts nested objects and arrays', () => {
    expect(jsonDepthWithin(bytes('{"a":[1,{"b":2}]}'), 3)).toBe(true);
    expect(jsonDepthWithin(bytes('{"a":[1,{"b":2}]}'), 2)).toBe(false);
    expect(jsonDepthWithin(bytes(`${'['.repeat(33)}${']'.repeat(33)}`), 32)).toBe(false);
    expect(jsonDepthWithin(bytes('[[],[],[],[]]'), 2)).toBe(true);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(jsonDepthWithin(bytes(`{"text":"${'[{'.repeat(100)}"}`), 1)).toBe(true);
    expect(jsonDepthWithin(bytes(`{"text":"a \\" [[[[ b"}`), 1)).toBe(true);
    expect(jsonDepthWithin(bytes(`{"text":"\\\\", "x":[[1]]}`), 2)).toBe(false);
  });
});
