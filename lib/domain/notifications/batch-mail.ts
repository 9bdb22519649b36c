import { EVENT_LABELS, type NotificationEventName } from "./events";
import { escapeHtml } from "./escape";
import { absoluteLink } from "./links";

export type MailItem = { event: NotificationEventName; title: string; body: string; link: string; createdAt: Date };
export type RenderedMail = { subject: string; text: string; html: string };

/**
 * One e-mail for a person's pending notifications: a subject naming the first
 * (and how many more), each item with its absolute link, and an unsubscribe
 * link at the foot. Everything that came from outside is escaped in the HTML.
 */
export function renderBatchMail({
  orgName,
  recipientName,
  items,
  baseUrl,
  unsubscribeUrl,
  preferencesPath,
}: {
  orgName: string;
  recipientName: string;
  items: MailItem[];
  baseUrl: string;
  unsubscribeUrl: string;
  preferencesPath: string;
}): RenderedMail {
  const [first] = items;
  if (!first) throw new Error("renderBatchMail needs at least one notification");
  const more = items.length - 1;
  const subject = `[${orgName}] ${first.title}${more > 0 ? ` (+${more} more)` : ""}`.replace(/[\r\n]+/g, " ");
  const preferencesUrl = absoluteLink(baseUrl, preferencesPath);
  const lines = items.map((item) =>
    [
      `* ${item.title}`,
      `  ${EVENT_LABELS[item.event]} · ${item.createdAt.toISOString()}`,
      `  ${item.body}`,
      `  ${absoluteLink(baseUrl, item.link)}`,
    ].join("\n"),
  );
  const text = [
    `Hello ${recipientName},`,
    "",
    items.length === 1
      ? `One notification from ${orgName} in Bosun:`
      : `${items.length} notifications from ${orgName} in Bosun:`,
    "",
    lines.join("\n\n"),
    "",
    "--",
    `Choose what you get: ${preferencesUrl}`,
    `Unsubscribe from all e-mail: ${unsubscribeUrl}`,
  ].join("\n");
  const htmlItems = items
    .map(
      (item) => `<li style="margin-bottom:12px">
<a href="${escapeHtml(absoluteLink(baseUrl, item.link))}"><strong>${escapeHtml(item.title)}</strong></a><br>
<small>${escapeHtml(EVENT_LABELS[item.event])} · ${escapeHtml(item.createdAt.toISOString())}</small><br>
${escapeHtml(item.body)}
</li>`,
    )
    .join("\n");
  const html = `<!doctype html>
<html><body style="font-family:sans-serif">
<p>Hello ${escapeHtml(recipientName)},</p>
<p>${items.length === 1 ? "One notification" : `${items.length} notifications`} from ${escapeHtml(orgName)} in Bosun:</p>
<ul>
${htmlItems}
</ul>
<hr>
<p><small><a href="${escapeHtml(preferencesUrl)}">Choose what you get</a> · <a href="${escapeHtml(unsubscribeUrl)}">Unsubscribe from all e-mail</a></small></p>
</body></html>`;
  return { subject, text, html };
}
