import { parseArgs } from "node:util";
import { hashString } from "../seed/random";
import { GITHUB_WEBHOOK_SECRETS, type OrgSlug } from "../seed/world";
import { type PullRequestAction, branchCreatedPayload, pingPayload, pullRequestPayload } from "./payloads";
import { type GithubEventName, githubHookId, sendGithubEvent } from "./send";

/**
 * Sends one signed GitHub webhook to Bosun, e.g.
 *   tsx emulators/github/cli.ts create --org acme --branch ACME-12-fix-berths
 *   tsx emulators/github/cli.ts pull_request --org acme --branch ACME-12-fix-berths --title "ACME-12 Fix berths" --action closed --merged
 */

const USAGE = `Usage: tsx emulators/github/cli.ts <create|pull_request|ping> --org <acme|globex> [--branch NAME] [--title TEXT]
       [--action opened|edited|closed|reopened|synchronize] [--merged] [--number N] [--repo owner/name] [--body TEXT]
       [--url http://127.0.0.1:3000]`;

const ACTIONS: PullRequestAction[] = ["opened", "edited", "closed", "reopened", "synchronize"];

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      org: { type: "string" },
      branch: { type: "string" },
      title: { type: "string" },
      action: { type: "string", default: "opened" },
      merged: { type: "boolean", default: false },
      number: { type: "string" },
      repo: { type: "string" },
      body: { type: "string" },
      url: { type: "string", default: "http://127.0.0.1:3000" },
    },
  });
  const event = positionals[0] as GithubEventName | undefined;
  if (event !== "create" && event !== "pull_request" && event !== "ping")
    fail("The first argument must be create, pull_request or ping.");
  const org = values.org as OrgSlug | undefined;
  if (!org || !(org in GITHUB_WEBHOOK_SECRETS))
    fail(`--org must be one of ${Object.keys(GITHUB_WEBHOOK_SECRETS).join(", ")}.`);
  const repo = values.repo ?? `${org}/platform`;
  const url = `${values.url.replace(/\/$/, "")}/api/webhooks/github/${org}`;

  let payload:
    ReturnType<typeof branchCreatedPayload> | ReturnType<typeof pullRequestPayload> | ReturnType<typeof pingPayload>;
  if (event === "ping") {
    payload = pingPayload({ repo, hookId: githubHookId(url) });
  } else {
    if (!values.branch) fail("--branch is required.");
    if (event === "create") {
      payload = branchCreatedPayload({ repo, branch: values.branch });
    } else {
      if (!values.title) fail("--title is required for pull_request.");
      if (!ACTIONS.includes(values.action as PullRequestAction)) fail(`--action must be one of ${ACTIONS.join(", ")}.`);
      const number = values.number === undefined ? 1 + (hashString(values.branch) % 900) : Number(values.number);
      if (!Number.isInteger(number) || number < 1) fail("--number must be a positive integer.");
      payload = pullRequestPayload({
        repo,
        number,
        title: values.title,
        branch: values.branch,
        action: values.action as PullRequestAction,
        merged: values.merged,
        body: values.body ?? null,
      });
    }
  }

  const delivery = await sendGithubEvent({ url, secret: GITHUB_WEBHOOK_SECRETS[org], event, payload });
  console.log(`${event} → ${url}: HTTP ${delivery.status} (delivery ${delivery.deliveryId})`);
  if (delivery.responseBody) console.log(delivery.responseBody);
  if (delivery.status < 200 || delivery.status >= 300) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
