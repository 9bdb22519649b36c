export {
  branchCreatedPayload,
  pingPayload,
  pullRequestPayload,
  repositoryPayload,
  type PullRequestAction,
} from "./payloads";
export {
  githubHookId,
  sendGithubEvent,
  signGithubPayload,
  type GithubDelivery,
  type GithubEventName,
  type SendGithubEventInput,
} from "./send";
