import type { Options as PinoHttpOptions } from 'pino-http';

export type LogFormat = 'pretty' | 'json';

/** LOG_FORMAT when given; otherwise pretty for a person at a terminal, JSON lines for a collector. */
export function resolveLogFormat(setting: LogFormat | undefined, stdoutIsTty: boolean): LogFormat {
  return setting ?? (stdoutIsTty ? 'pretty' : 'json');
}

/** pino options for the format: pino-pretty runs in pino's transport worker, off the request path. */
export function pinoFormatOptions(format: LogFormat): Pick<PinoHttpOptions, 'transport'> {
  if (format === 'json') return {};
  return {
    transport: {
      target: 'pino-pretty',
      options: {
        translateTime: 'SYS:HH:MM:ss',
        ignore: 'pid,hostname,context,req,res,responseTime',
        messageFormat: '{if context}[{context}] {end}{msg}',
        // stderr would mix with our own console lines differently than stdout; keep pino's default.
        destination: 1,
      },
    },
  };
}
