import { CHANNEL_LABELS, NOTIFICATION_CHANNELS, type NotificationChannel } from "@/lib/domain/notifications";

/** One event's channel: a labelled select; `inherit` adds "as the org default (…)" as the empty choice. */
export function ChannelSelect({
  id,
  name,
  label,
  defaultValue,
  inherit,
  error,
}: {
  id: string;
  name: string;
  label: string;
  defaultValue: NotificationChannel | "";
  inherit?: NotificationChannel;
  error?: string;
}) {
  return (
    <div className="grid gap-1 sm:grid-cols-[1fr_14rem] sm:items-center">
      <label htmlFor={id} className="text-sm">
        {label}
      </label>
      <div>
        <select
          id={id}
          name={name}
          defaultValue={defaultValue}
          aria-invalid={error ? true : undefined}
          className="w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900"
        >
          {inherit && <option value="">As the org default ({CHANNEL_LABELS[inherit].toLowerCase()})</option>}
          {NOTIFICATION_CHANNELS.map((channel) => (
            <option key={channel} value={channel}>
              {CHANNEL_LABELS[channel]}
            </option>
          ))}
        </select>
        {error && <p className="mt-1 text-xs text-red-600 dark:text-red-400">{error}</p>}
      </div>
    </div>
  );
}
