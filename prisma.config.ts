import { defineConfig } from "prisma/config";

// Used by the Prisma CLI (`prisma migrate deploy` where the native engine is
// available). Bosun's own scripts migrate through the wasm engine instead.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:54329/bosun" },
});
