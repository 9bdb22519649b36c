"use client";

import { useSyncExternalStore } from "react";

type Theme = "light" | "dark" | "system";
const LABELS: Record<Theme, string> = { light: "Light", dark: "Dark", system: "System" };
const STORAGE_KEY = "bosun-theme";
const listeners = new Set<() => void>();

function readTheme(): Theme {
  const saved = localStorage.getItem(STORAGE_KEY);
  return saved === "light" || saved === "dark" ? saved : "system";
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function saveTheme(theme: Theme) {
  if (theme === "system") localStorage.removeItem(STORAGE_KEY);
  else localStorage.setItem(STORAGE_KEY, theme);
  const dark = theme === "dark" || (theme === "system" && window.matchMedia("(prefers-color-scheme: dark)").matches);
  document.documentElement.classList.toggle("dark", dark);
  listeners.forEach((listener) => listener());
}

/** Light / dark / system, remembered in localStorage. The server renders "system"; the saved choice shows after hydration. */
export function ThemeToggle() {
  const theme = useSyncExternalStore(subscribe, readTheme, () => "system" as Theme);
  return (
    <fieldset className="flex gap-1 rounded-md border border-slate-200 p-0.5 dark:border-slate-700">
      <legend className="sr-only">Theme</legend>
      {(Object.keys(LABELS) as Theme[]).map((option) => (
        <label
          key={option}
          className="cursor-pointer rounded px-2 py-1 text-xs text-slate-600 has-[:checked]:bg-slate-900 has-[:checked]:text-white has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500 dark:text-slate-300 dark:has-[:checked]:bg-slate-100 dark:has-[:checked]:text-slate-900"
        >
          <input
            type="radio"
            name="theme"
            value={option}
            checked={theme === option}
            onChange={() => saveTheme(option)}
            className="sr-only"
          />
          {LABELS[option]}
        </label>
      ))}
    </fieldset>
  );
}
