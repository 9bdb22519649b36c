export {
  explainUpstreamErrorText,
  formatUpstreamHeadline,
  translateUpstreamError,
  translateUpstreamErrorText,
} from "./translate";
export { parseUpstreamErrorText, reasonForHttpStatus } from "./parse-text";
export type {
  UpstreamContext,
  UpstreamFailure,
  UpstreamFailureReason,
  UpstreamMessage,
  UpstreamService,
} from "./types";
