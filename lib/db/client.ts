import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "@/lib/env";
import { PrismaClient } from "./generated/client";

function createClient() {
  const adapter = new PrismaPg({ connectionString: env.databaseUrl, max: 10, connectionTimeoutMillis: 3_000, idleTimeoutMillis: 30_000 });
  return new PrismaClient({ adapter });
}

// One client per process; in development it survives hot reloads.
const globalForDb = globalThis as { bosunDb?: PrismaClient };
export const db = (globalForDb.bosunDb ??= createClient());

export type Db = typeof db;
