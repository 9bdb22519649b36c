import { randomUUID } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
} from "@prisma/driver-adapter-utils";

/**
 * A driver-adapter factory for the wasm schema engine, working around two
 * adapter-pg 7.10 bugs that break every introspecting call (createMigration,
 * the drift check):
 *  1. pg's `"char"` type (OID 18) is rejected as a column type. We let pg read
 *     it as text and report it to the engine as Character (Text panics on PG 18).
 *  2. executeScript splits scripts on every ";", which breaks function bodies
 *     (dollar-quoted PL/pgSQL). We send the script whole, as one simple-protocol
 *     query, which is what `prisma migrate deploy` does.
 *  3. connectToShadowDb reconnects to the main database when given a
 *     connection string, and drops the shadow while its pool is still open.
 *     We create and drop the shadow database ourselves.
 */

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

type PgFields = { fields: { dataTypeID: number }[] };
type Patchable = SqlDriverAdapter & {
  performIO(query: SqlQuery): Promise<PgFields>;
  startTransaction: SqlDriverAdapter["startTransaction"];
};

function patchCharColumns<T extends object>(queryable: T): T {
  const target = queryable as unknown as {
    performIO(q: SqlQuery): Promise<PgFields>;
    queryRaw(q: SqlQuery): Promise<{ columnTypes: number[] }>;
  };
  const charColumns = new WeakMap<object, number[]>();
  const performIO = target.performIO.bind(target);
  const queryRaw = target.queryRaw.bind(target);
  target.performIO = async (query) => {
    const result = await performIO(query);
    const indexes: number[] = [];
    result.fields.forEach((field, i) => {
      if (field.dataTypeID === PG_CHAR_OID) {
        field.dataTypeID = PG_TEXT_OID;
        indexes.push(i);
      }
    });
    if (indexes.length > 0) charColumns.set(query, indexes);
    return result;
  };
  target.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const i of charColumns.get(query) ?? []) result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };
  return queryable;
}

async function connectPatched(config: pg.PoolConfig, schema: string): Promise<SqlDriverAdapter> {
  const adapter = patchCharColumns((await new PrismaPg(config, { schema }).connect()) as unknown as Patchable);
  const pool = (adapter as unknown as { underlyingDriver(): pg.Pool }).underlyingDriver();
  adapter.executeScript = async (script) => {
    await pool.query(script);
  };
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => patchCharColumns(await startTransaction(isolationLevel));
  return adapter;
}

/** Discrete connection fields: a connection string would override `database` for the shadow. */
export function poolConfigFromUrl(databaseUrl: string): pg.PoolConfig {
  const url = new URL(databaseUrl);
  return {
    host: decodeURIComponent(url.hostname) || url.searchParams.get("host") || "127.0.0.1",
    port: url.port ? Number(url.port) : 5432,
    user: decodeURIComponent(url.username) || "postgres",
    password: url.password ? decodeURIComponent(url.password) : undefined,
    database: decodeURIComponent(url.pathname.slice(1)) || "postgres",
    max: 4,
  };
}

export type MigrationAdapterFactory = SqlMigrationAwareDriverAdapterFactory & {
  /** The engine's free() leaves its connection pools open; this closes them. */
  disposeAll(): Promise<void>;
};

export function createMigrationAdapterFactory(databaseUrl: string): MigrationAdapterFactory {
  const config = poolConfigFromUrl(databaseUrl);
  const schema = new URL(databaseUrl).searchParams.get("schema") ?? "public";
  const open = new Set<SqlDriverAdapter>();
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    async connect() {
      const adapter = await connectPatched(config, schema);
      const dispose = adapter.dispose.bind(adapter);
      let disposed = false;
      adapter.dispose = async () => {
        open.delete(adapter);
        if (disposed) return;
        disposed = true;
        await dispose();
      };
      open.add(adapter);
      return adapter;
    },
    async disposeAll() {
      await Promise.all([...open].map((adapter) => adapter.dispose()));
    },
    async connectToShadowDb() {
      const name = `bosun_shadow_${randomUUID().replace(/-/g, "")}`;
      const admin = new pg.Client({ ...config, database: config.database });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE "${name}"`);
      } finally {
        await admin.end();
      }
      const adapter = await connectPatched({ ...config, database: name }, schema);
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        const dropper = new pg.Client(config);
        await dropper.connect();
        try {
          await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        } finally {
          await dropper.end();
        }
      };
      return adapter;
    },
  };
}
