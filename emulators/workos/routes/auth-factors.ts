import type { Router } from "../../common/http";
import { TOTP_ISSUER } from "../../seed/workos";
import type { WorkosContext } from "../context";
import { apiRoute, readBody, stringField, workosError } from "../http-helpers";
import { newId } from "../ids";
import { parseListParams } from "../pagination";
import { serializeAuthChallenge, serializeAuthFactor, serializeEnrolledAuthFactor } from "../serializers";
import { type Store, factorsOfUser } from "../store";
import { decodeBase32, generateTotpSecret, verifyTotp } from "../totp";
import type { AuthChallengeRecord, AuthFactorRecord } from "../types";
import { listPage, registerGetById, resource } from "./resource-routes";

/**
 * MFA management: TOTP enrolment for AuthKit users, challenges and their
 * verification. Factors live in the same table the hosted sign-in reads, so an
 * enrolled user is asked for a code from the next sign-in on.
 */

/** WorkOS lets SMS challenges live 10 minutes; the emulator applies it to TOTP too. */
const CHALLENGE_TTL_MS = 10 * 60_000;
/** Wrong codes a challenge takes before it answers one_time_code_too_many_attempts. */
const MAX_FAILED_ATTEMPTS = 5;

const invalid = (message: string) => workosError(422, message, "invalid_request_parameters");
const factorNotFound = (id: string) => workosError(404, `Authentication Factor '${id}' not found.`);

function startChallenge(store: Store, factor: AuthFactorRecord): AuthChallengeRecord {
  const now = Date.now();
  return store.authChallenges.insert({
    id: newId("auth_challenge", now),
    factorId: factor.id,
    verified: false,
    failedAttempts: 0,
    expiresAt: new Date(now + CHALLENGE_TTL_MS).toISOString(),
    createdAt: new Date(now).toISOString(),
    updatedAt: new Date(now).toISOString(),
  });
}

/** A caller-chosen secret in canonical form (upper case, no padding or spaces), or null if it is not base32. */
function normalizeSecret(secret: string): string | null {
  try {
    return decodeBase32(secret).length > 0 ? secret.replace(/[\s=-]/g, "").toUpperCase() : null;
  } catch {
    return null;
  }
}

export function registerAuthFactorRoutes(router: Router, context: WorkosContext) {
  const authFactors = resource("Authentication Factor", (store) => store.authFactors, serializeAuthFactor);

  // POST /user_management/users/:id/auth_factors - enrol a TOTP factor (and open its first challenge)
  router.post(
    "/user_management/users/:id/auth_factors",
    apiRoute(context, (req) => {
      const { store } = context;
      const user = store.users.get(req.params.id as string);
      if (!user) return workosError(404, `User '${req.params.id}' not found.`);
      const body = readBody(req);
      if (body.type !== "totp") return invalid("type must be 'totp'.");
      const given = stringField(body, "totp_secret");
      const secret = given === undefined ? generateTotpSecret() : normalizeSecret(given);
      if (!secret) return invalid("totp_secret must be a base32-encoded secret.");
      const now = new Date().toISOString();
      const factor = store.authFactors.insert({
        id: newId("auth_factor"),
        userId: user.id,
        issuer: stringField(body, "totp_issuer") ?? TOTP_ISSUER,
        user: stringField(body, "totp_user") ?? user.email,
        secret,
        createdAt: now,
        updatedAt: now,
      });
      const challenge = startChallenge(store, factor);
      return {
        status: 201,
        body: {
          authentication_factor: serializeEnrolledAuthFactor(factor),
          authentication_challenge: serializeAuthChallenge(challenge),
        },
      };
    }),
  );

  // GET /user_management/users/:id/auth_factors - the user's enrolled factors (no secrets)
  router.get(
    "/user_management/users/:id/auth_factors",
    apiRoute(context, (req) => {
      const { store } = context;
      const user = store.users.get(req.params.id as string);
      if (!user) return workosError(404, `User '${req.params.id}' not found.`);
      return listPage(
        store.authFactors,
        factorsOfUser(store, user.id),
        parseListParams(req.query),
        serializeAuthFactor,
      );
    }),
  );

  // GET /auth/factors/:id
  registerGetById(router, context, "/auth/factors/:id", authFactors);

  // DELETE /auth/factors/:id - the user stops being asked for a code (if it was their only factor)
  router.delete(
    "/auth/factors/:id",
    apiRoute(context, (req) => {
      const { store } = context;
      const factor = store.authFactors.delete(req.params.id as string);
      if (!factor) return factorNotFound(req.params.id as string);
      for (const challenge of store.authChallenges.all().filter((c) => c.factorId === factor.id))
        store.authChallenges.delete(challenge.id);
      return { status: 204 };
    }),
  );

  // POST /auth/factors/:id/challenge - a new challenge to verify a code against
  router.post(
    "/auth/factors/:id/challenge",
    apiRoute(context, (req) => {
      const factor = context.store.authFactors.get(req.params.id as string);
      if (!factor) return factorNotFound(req.params.id as string);
      return { status: 201, body: serializeAuthChallenge(startChallenge(context.store, factor)) };
    }),
  );

  // POST /auth/challenges/:id/verify - checks a TOTP code; a challenge passes once
  router.post(
    "/auth/challenges/:id/verify",
    apiRoute(context, (req) => {
      const { store } = context;
      const challenge = store.authChallenges.get(req.params.id as string);
      const factor = challenge && store.authFactors.get(challenge.factorId);
      if (!challenge || !factor) return workosError(404, `Authentication Challenge '${req.params.id}' not found.`);
      const code = stringField(readBody(req), "code");
      if (!code) return invalid("code is required.");
      if (challenge.verified)
        return workosError(
          422,
          "The authentication challenge has already been verified.",
          "authentication_challenge_previously_verified",
        );
      if (Date.parse(challenge.expiresAt) <= Date.now())
        return workosError(422, "The authentication challenge has expired.", "authentication_challenge_expired");
      if (challenge.failedAttempts >= MAX_FAILED_ATTEMPTS)
        return workosError(400, "Too many incorrect codes: start a new challenge.", "one_time_code_too_many_attempts");
      const valid = verifyTotp(factor.secret, code.replace(/\s/g, ""));
      if (valid) challenge.verified = true;
      else challenge.failedAttempts += 1;
      challenge.updatedAt = new Date().toISOString();
      return { status: 201, body: { challenge: serializeAuthChallenge(challenge), valid } };
    }),
  );
}
