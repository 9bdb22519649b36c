/** Every TanStack Query key in one place, always scoped by org. */
export const queryKeys = {
  org: (orgSlug: string) => ["org", orgSlug] as const,
  health: () => ["health"] as const,
  unreadNotifications: (orgSlug: string) => ["org", orgSlug, "notifications", "unread"] as const,
};
