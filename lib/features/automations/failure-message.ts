import { formatUpstreamHeadline, translateUpstreamErrorText } from "@/lib/domain/upstream-messages";

/**
 * A failed run's message for people (the notification a rule's owner and the admins get): the plain explanation
 * first, then the recorded text in brackets, so whoever follows it up still has the service's words.
 */
export function describeRunFailure(message: string | null): string | null {
  if (!message) return message;
  const translated = translateUpstreamErrorText(message);
  return translated ? `${formatUpstreamHeadline(translated)} (${message})` : message;
}
