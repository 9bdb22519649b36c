import { vi } from "vitest";

// `server-only` throws outside a React Server Component bundle; tests run server code directly.
vi.mock("server-only", () => ({}));
