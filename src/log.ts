/** The project's pino logger, with the one redaction list that keeps secrets out of every log line. */
import { pino, type Logger, type LoggerOptions } from 'pino';

export type { Logger };

/**
 * Paths pino censors wherever they appear in a logged object (any depth we log at). The values themselves never
 * reach log calls on purpose; this list is the safety net for objects logged whole.
 */
export const REDACT_PATHS = [
  'corpsecret',
  'secret',
  'access_token',
  'token',
  'encodingAESKey',
  'EncodingAESKey',
  '*.corpsecret',
  '*.secret',
  '*.access_token',
  '*.token',
  '*.encodingAESKey',
  '*.EncodingAESKey',
];

/** Creates a JSON logger at `level`, writing to `destination` (stdout by default). */
export function createLogger(
  level: string = process.env.LOG_LEVEL ?? 'info',
  destination?: pino.DestinationStream,
): Logger {
  const options: LoggerOptions = {
    level,
    base: { service: 'wecom-live-bot' },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
  };
  // Asynchronous stdout: a log line per callback must not cost a blocking write; pino flushes it on exit.
  return pino(options, destination ?? pino.destination({ sync: false }));
}
