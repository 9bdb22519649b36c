// npm run keys:reseal: re-seals every stored integration credential under the current encryption key
// (BOSUN_ENCRYPTION_KEY, named by BOSUN_ENCRYPTION_KEY_ID), so the keys in BOSUN_PREVIOUS_ENCRYPTION_KEYS can
// be dropped afterwards. Run it with the same configuration as the app, once every Bosun process uses the new key.
// Safe to stop (Ctrl-C finishes the row under way) and to run again; with nothing to do it changes nothing.
//
// Runs under the react-server export condition (see package.json), so the app's `server-only` modules load.
import { existsSync } from "node:fs";
import path from "node:path";

const envFile = path.join(import.meta.dirname, "..", "..", ".env");
if (existsSync(envFile)) process.loadEnvFile(envFile);

// Imported only now: lib/platform/env reads process.env when it loads.
const { ResealRefusedError, resealStoredCredentials } = await import("../../lib/platform/crypto/reseal");
const { getKeyring } = await import("../../lib/platform/crypto/keyring");
const { listKeyIdsInUseAcrossOrgs } = await import("../../lib/db/system/credentials");
const { pool } = await import("../../lib/db/client");

class StopRequested extends Error {}

let stopRequested = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    stopRequested = true;
    console.log(`${signal}: stopping after the credential under way.`);
  });
}

const keyring = getKeyring();
const current = keyring.current.keyId;
let exitCode = 0;
try {
  const summary = await resealStoredCredentials({
    keyring,
    onResealed: ({ orgSlug, provider, fromKeyId }) => {
      console.log(`Re-sealed ${orgSlug}/${provider}: key id "${fromKeyId}" → "${current}"`);
      if (stopRequested) throw new StopRequested();
    },
  });
  if (summary.resealed === 0 && summary.changedMeanwhile === 0)
    console.log(`Every stored credential is already sealed with key id "${current}": nothing to do.`);
  else
    console.log(
      `Re-sealed ${summary.resealed} credential(s) of ${summary.orgs} org(s) under key id "${current}"${summary.changedMeanwhile ? `; ${summary.changedMeanwhile} changed while this ran and were left as saved` : ""}.`,
    );

  const older = (await listKeyIdsInUseAcrossOrgs()).filter((use) => use.keyId !== current);
  if (older.length > 0) {
    exitCode = 1;
    console.log(
      `${older.reduce((sum, use) => sum + use.connections, 0)} credential(s) are still sealed with key id(s) ${older.map((use) => `"${use.keyId}"`).join(", ")}: a process running with an older key saved them. Run this again once every Bosun process uses key id "${current}".`,
    );
  } else if (keyring.previous.length > 0) {
    console.log(
      `Nothing needs ${keyring.previous.map((key) => `"${key.keyId}"`).join(", ")} any more: remove BOSUN_PREVIOUS_ENCRYPTION_KEYS from every Bosun process's configuration.`,
    );
  }
} catch (error) {
  exitCode = 1;
  if (error instanceof StopRequested)
    console.log("Stopped. Every credential opens with the configured keys; run npm run keys:reseal again to finish.");
  else if (error instanceof ResealRefusedError) console.error(error.message);
  else throw error;
} finally {
  await pool.end();
}
process.exit(exitCode);
