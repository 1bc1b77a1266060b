/** The api's one logger: structured JSON lines from pino, level from the environment. */
import { type Logger, pino } from 'pino';
import type { Env } from './env';

export type { Logger };

/** Creates the process logger; tests pass `silent` or a destination of their own. */
export function createLogger(env: Pick<Env, 'logLevel'>, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level: env.logLevel,
    base: { service: 'peerbridge-api' },
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', '*.password'], remove: true },
  };
  return destination ? pino(options, destination) : pino(options);
}
