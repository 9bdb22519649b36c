import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { env } from "@/lib/platform/env";
import { logger } from "@/lib/platform/observability/logger";
import { PrismaClient } from "./generated/client";

/**
 * One PostgreSQL pool and one Prisma client on top of it per process, opened
 * on first use; in development they survive hot reloads. `pool` is for the few
 * hot paths that are a single hand-written statement (webhook intake), where
 * Prisma's own per-query work would be most of the cost.
 *
 * `db` and `pool` are stand-ins that hand every property to the current
 * connection, so a test file can point the whole app at its own database
 * without reloading the modules that imported them. The state lives on
 * globalThis so that modules loaded again after a reset see the same one.
 */
type Connection = { db: PrismaClient; pool: pg.Pool };
const globalForDb = globalThis as { bosunDb?: PrismaClient; bosunPool?: pg.Pool; bosunTestConnection?: Connection };

function open(): Connection {
  const pool = new pg.Pool({
    connectionString: env.databaseUrl,
    max: 10,
    connectionTimeoutMillis: 3_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle connection the server drops (a restart, a failover) must not take the process down; the pool
  // replaces it on the next query.
  pool.on("error", (error) => logger.warn({ err: error }, "an idle database connection closed"));
  globalForDb.bosunPool = pool;
  globalForDb.bosunDb = new PrismaClient({ adapter: new PrismaPg(pool) });
  return { db: globalForDb.bosunDb, pool };
}

const currentDb = () => globalForDb.bosunTestConnection?.db ?? globalForDb.bosunDb ?? open().db;
const currentPool = () => globalForDb.bosunTestConnection?.pool ?? globalForDb.bosunPool ?? open().pool;

/**
 * A stand-in for whatever `current()` returns. Methods come back bound to the
 * real object (Prisma and pg keep private state that a stand-in `this` cannot
 * reach), and the bound copies are kept until the target changes, so a call
 * costs one trap and one map lookup, with no extra promise in between.
 */
function delegateTo<T extends object>(current: () => T): T {
  let boundFor: T | undefined;
  let bound = new Map<PropertyKey, { method: (...args: unknown[]) => unknown; bound: unknown }>();
  return new Proxy({} as T, {
    get(_, key) {
      const target = current();
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== "function") return value;
      if (boundFor !== target) {
        boundFor = target;
        bound = new Map();
      }
      const known = bound.get(key);
      if (known?.method === value) return known.bound;
      const method = value as (...args: unknown[]) => unknown;
      const entry = { method, bound: method.bind(target) };
      bound.set(key, entry);
      return entry.bound;
    },
    set: (_, key, value) => Reflect.set(current(), key, value),
    has: (_, key) => Reflect.has(current(), key),
    deleteProperty: (_, key) => Reflect.deleteProperty(current(), key),
    defineProperty: (_, key, descriptor) => Reflect.defineProperty(current(), key, descriptor),
    // Reported as configurable: the stand-in itself holds none of these, and a proxy may not claim otherwise.
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(current(), key);
      return descriptor && { ...descriptor, configurable: true };
    },
    ownKeys: () => Reflect.ownKeys(current()),
    getPrototypeOf: () => Reflect.getPrototypeOf(current()),
  });
}

export const db: PrismaClient = delegateTo(currentDb);
export const pool: pg.Pool = delegateTo(currentPool);

export type Db = typeof db;

/**
 * Points `db` and `pool` at a test's own connection (undefined goes back to
 * the process's own) and returns the one it replaces, to put back later. For
 * test files only: the app never swaps its database.
 */
export function setDatabaseForTests(connection: Connection | undefined): Connection | undefined {
  const replaced = globalForDb.bosunTestConnection;
  globalForDb.bosunTestConnection = connection;
  return replaced;
}
