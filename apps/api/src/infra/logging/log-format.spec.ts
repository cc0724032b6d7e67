import { pinoFormatOptions, resolveLogFormat } from './log-format';

describe('resolveLogFormat', () => {
  it('pretty-prints on a terminal and writes JSON otherwise', () => {
    expect(resolveLogFormat(undefined, true)).toBe('pretty');
    expect(resolveLogFormat(undefined, false)).toBe('json');
  });

  it('lets LOG_FORMAT override what the terminal suggests', () => {
    expect(resolveLogFormat('json', true)).toBe('json');
    expect(resolveLogFormat('pretty', false)).toBe('pretty');
  });
});

describe('pinoFormatOptions', () => {
  it('uses the pino-pretty transport only for the pretty format', () => {
    expect(pinoFormatOptions('json').transport).toBeUndefined();
    expect(pinoFormatOptions('pretty').transport).toMatchObject({ target: 'pino-pretty' });
  });
});
