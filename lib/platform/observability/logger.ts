import "server-only";
import { createRequire } from "node:module";
import pino, { type Logger } from "pino";
import { env } from "@/lib/platform/env";

/**
 * Structured JSON logs (one object per line) for production; readable, coloured
 * lines in development. Secrets never reach the log: the same keys Sentry
 * scrubs are redacted here.
 */
function createLogger(): Logger {
  const options: pino.LoggerOptions = {
    level: env.logLevel,
    base: { service: "bosun", mode: env.mode },
    redact: {
      paths: [
        "*.authorization",
        "*.cookie",
        "*.password",
        "*.token",
        "*.apiToken",
        "*.accessToken",
        "*.refreshToken",
        "*.secret",
        "headers.authorization",
        "headers.cookie",
      ],
      censor: "[redacted]",
    },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  if (env.nodeEnv === "development") {
    // pino-pretty is a dev dependency, so it is only loaded where it is installed.
    const pretty = createRequire(import.meta.url)("pino-pretty") as (o: object) => pino.DestinationStream;
    return pino(
      options,
      pretty({ colorize: true, singleLine: true, ignore: "pid,hostname,service,mode", translateTime: "HH:MM:ss.l" }),
    );
  }
  return pino(options);
}

const globalForLogger = globalThis as { bosunLogger?: Logger };
export const logger = (globalForLogger.bosunLogger ??= createLogger());
