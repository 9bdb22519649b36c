"use client";

import { useId } from "react";
import { FeedbackMessage } from "@/components/ui/action-feedback";
import { EVENT_LABELS, NOTIFICATION_EVENTS, type NotificationChannel } from "@/lib/domain/notifications";
import type { PreferencesView } from "@/lib/features/notifications";
import { SaveButton, useSettingsSave } from "@/app/(app)/[orgSlug]/settings/settings-form";
import { saveNotificationPreferencesAction } from "../actions";
import { ChannelSelect } from "./channel-select";

const inputClass = "rounded-md border border-slate-300 px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900";

/** Zones the browser knows, for the time zone field's suggestions; any IANA name is accepted. */
function knownTimeZones(): string[] {
  try {
    return Intl.supportedValuesOf("timeZone");
  } catch {
    return [];
  }
}

export function PreferencesForm({ orgSlug, view }: { orgSlug: string; view: PreferencesView }) {
  const { pending, feedback, fieldErrors, save } = useSettingsSave();
  const id = useId();

  function submit(formData: FormData) {
    const text = (name: string) => String(formData.get(name) ?? "").trim();
    const channels: Record<string, NotificationChannel> = {};
    for (const event of NOTIFICATION_EVENTS) {
      const value = text(`channel-${event}`);
      if (value) channels[event] = value as NotificationChannel;
    }
    save(() =>
      saveNotificationPreferencesAction({
        orgSlug,
        channels,
        timeZone: text("timeZone"),
        quietStart: text("quietStart") || null,
        quietEnd: text("quietEnd") || null,
        digestOnly: formData.get("digestOnly") === "on",
        weeklyDigest: formData.get("weeklyDigest") === "on",
        unsubscribed: formData.get("emailOff") === "on",
      }),
    );
  }

  return (
    <form action={submit} className="space-y-6">
      <fieldset disabled={pending} className="space-y-3">
        <legend className="mb-2 text-sm font-semibold">Per event</legend>
        {NOTIFICATION_EVENTS.map((event) => (
          <ChannelSelect
            key={event}
            id={`${id}-${event}`}
            name={`channel-${event}`}
            label={EVENT_LABELS[event]}
            defaultValue={view.own[event] ?? ""}
            inherit={view.orgChannels[event]}
            error={fieldErrors[`channels.${event}`]}
          />
        ))}
      </fieldset>

      <fieldset disabled={pending} className="space-y-3">
        <legend className="mb-2 text-sm font-semibold">When</legend>
        <div>
          <label htmlFor={`${id}-tz`} className="block text-sm">
            Your time zone
          </label>
          <input
            id={`${id}-tz`}
            name="timeZone"
            list={`${id}-zones`}
            defaultValue={view.timeZone}
            required
            aria-describedby={`${id}-tz-help`}
            aria-invalid={fieldErrors.timeZone ? true : undefined}
            className={`${inputClass} mt-1 w-72`}
          />
          <datalist id={`${id}-zones`}>
            {knownTimeZones().map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
          <p id={`${id}-tz-help`} className="mt-1 text-xs text-slate-500 dark:text-slate-400">
            An IANA name such as Europe/Berlin. Quiet hours and the Monday 08:00 digest follow it; the next digest is
            due <time dateTime={view.nextDigestAt}>{view.nextDigestAt.slice(0, 16).replace("T", " ")} UTC</time>.
          </p>
          {fieldErrors.timeZone && (
            <p className="mt-1 text-xs text-red-600 dark:text-red-400">{fieldErrors.timeZone}</p>
          )}
        </div>
        <div className="flex flex-wrap items-end gap-4">
          <div>
            <label htmlFor={`${id}-qs`} className="block text-sm">
              Quiet hours start
            </label>
            <input
              id={`${id}-qs`}
              name="quietStart"
              type="time"
              defaultValue={view.quietStart ?? ""}
              className={`${inputClass} mt-1`}
            />
          </div>
          <div>
            <label htmlFor={`${id}-qe`} className="block text-sm">
              Quiet hours end
            </label>
            <input
              id={`${id}-qe`}
              name="quietEnd"
              type="time"
              defaultValue={view.quietEnd ?? ""}
              className={`${inputClass} mt-1`}
              aria-invalid={fieldErrors.quietEnd ? true : undefined}
            />
          </div>
          <p className="text-xs text-slate-500 dark:text-slate-400">
            E-mails wait until quiet hours end. Leave both empty for none.
          </p>
        </div>
        {(fieldErrors.quietStart || fieldErrors.quietEnd) && (
          <p className="text-xs text-red-600 dark:text-red-400">{fieldErrors.quietStart ?? fieldErrors.quietEnd}</p>
        )}
      </fieldset>

      <fieldset disabled={pending} className="space-y-2">
        <legend className="mb-2 text-sm font-semibold">E-mail</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="digestOnly" defaultChecked={view.digestOnly} />
          Collect e-mails into the weekly digest instead of sending each batch
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="weeklyDigest" defaultChecked={view.weeklyDigest} />
          Send me the weekly digest (Monday 08:00)
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="emailOff" defaultChecked={view.unsubscribed} />
          Unsubscribe from all e-mail (notifications still appear in your inbox)
        </label>
      </fieldset>

      <SaveButton canEdit pending={pending} label="Save preferences" busyLabel="Saving…" />
      <FeedbackMessage feedback={feedback} />
    </form>
  );
}
