import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { env } from "@/lib/platform/env";
import { logger } from "@/lib/platform/observability/logger";
import { PrismaClient } from "./generated/client";

/**
 * One PostgreSQL pool and one Prisma client on top of it per process; in
 * development they survive hot reloads. `pool` is for the few hot paths that
 * are a single hand-written statement (webhook intake), where Prisma's own
 * per-query work would be most of the cost.
 */
const globalForDb = globalThis as { bosunDb?: PrismaClient; bosunPool?: pg.Pool };

if (!globalForDb.bosunDb || !globalForDb.bosunPool) {
  const pool = new pg.Pool({ connectionString: env.databaseUrl, max: 10, connectionTimeoutMillis: 3_000, idleTimeoutMillis: 30_000 });
  // An idle connection the server drops (a restart, a failover) must not take the process down; the pool
  // replaces it on the next query.
  pool.on("error", (error) => logger.warn({ err: error }, "an idle database connection closed"));
  globalForDb.bosunPool = pool;
  globalForDb.bosunDb = new PrismaClient({ adapter: new PrismaPg(pool) });
}

export const db = globalForDb.bosunDb;
export const pool = globalForDb.bosunPool;

export type Db = typeof db;
