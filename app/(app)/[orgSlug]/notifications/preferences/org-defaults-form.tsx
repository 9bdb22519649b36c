"use client";

import { useId } from "react";
import { FeedbackMessage } from "@/components/ui/action-feedback";
import {
  EVENT_LABELS,
  FALLBACK_CHANNELS,
  NOTIFICATION_EVENTS,
  type NotificationChannel,
  type OrgNotificationDefaults,
} from "@/lib/domain/notifications";
import { SaveButton, useSettingsSave } from "@/app/(app)/[orgSlug]/settings/settings-form";
import { saveOrgNotificationDefaultsAction } from "../actions";
import { ChannelSelect } from "./channel-select";

/** Admins' defaults per event (pre-filled with Bosun's fallback where the org has none), and the digest defaults. */
export function OrgDefaultsForm({ orgSlug, defaults }: { orgSlug: string; defaults: OrgNotificationDefaults }) {
  const { pending, feedback, fieldErrors, save } = useSettingsSave();
  const id = useId();

  function submit(formData: FormData) {
    const channels: Record<string, NotificationChannel> = {};
    for (const event of NOTIFICATION_EVENTS)
      channels[event] = String(formData.get(`org-${event}`) ?? "") as NotificationChannel;
    save(() =>
      saveOrgNotificationDefaultsAction({
        orgSlug,
        channels,
        digestOnly: formData.get("orgDigestOnly") === "on",
        weeklyDigest: formData.get("orgWeeklyDigest") === "on",
      }),
    );
  }

  return (
    <form action={submit} className="space-y-4">
      <fieldset disabled={pending} className="space-y-3">
        <legend className="sr-only">Default per event</legend>
        {NOTIFICATION_EVENTS.map((event) => (
          <ChannelSelect
            key={event}
            id={`${id}-${event}`}
            name={`org-${event}`}
            label={EVENT_LABELS[event]}
            defaultValue={defaults.channels[event] ?? FALLBACK_CHANNELS[event]}
            error={fieldErrors[`channels.${event}`]}
          />
        ))}
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="orgDigestOnly" defaultChecked={defaults.digestOnly} />
          Members collect e-mails into the weekly digest by default
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="orgWeeklyDigest" defaultChecked={defaults.weeklyDigest} />
          Members get the weekly digest by default
        </label>
      </fieldset>
      <SaveButton canEdit pending={pending} label="Save org defaults" busyLabel="Saving…" />
      <FeedbackMessage feedback={feedback} />
    </form>
  );
}
