import "server-only";
import { env } from "@/lib/platform/env";
import type { Keyring } from "./credentials";

/** The configured encryption keys: the current one seals, all of them open. */
export function getKeyring(): Keyring {
  return { current: { keyId: env.encryption.keyId, key: env.encryption.key }, previous: env.encryption.previousKeys };
}
