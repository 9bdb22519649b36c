"use client";

import { useEffect, useState } from "react";

type Theme = "light" | "dark" | "system";
const LABELS: Record<Theme, string> = { light: "Light", dark: "Dark", system: "System" };

function apply(theme: Theme) {
  const dark = theme === "dark" || (theme === "system" && window.matchMedia("(prefers-color-scheme: dark)").matches);
  document.documentElement.classList.toggle("dark", dark);
}

/** Light / dark / system, remembered in localStorage. */
export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>("system");

  useEffect(() => {
    const saved = localStorage.getItem("bosun-theme");
    if (saved === "light" || saved === "dark") setTheme(saved);
  }, []);

  function choose(next: Theme) {
    setTheme(next);
    if (next === "system") localStorage.removeItem("bosun-theme");
    else localStorage.setItem("bosun-theme", next);
    apply(next);
  }

  return (
    <fieldset className="flex gap-1 rounded-md border border-slate-200 p-0.5 dark:border-slate-700">
      <legend className="sr-only">Theme</legend>
      {(Object.keys(LABELS) as Theme[]).map((option) => (
        <label
          key={option}
          className="cursor-pointer rounded px-2 py-1 text-xs text-slate-600 has-[:checked]:bg-slate-900 has-[:checked]:text-white dark:text-slate-300 dark:has-[:checked]:bg-slate-100 dark:has-[:checked]:text-slate-900"
        >
          <input type="radio" name="theme" value={option} checked={theme === option} onChange={() => choose(option)} className="sr-only" />
          {LABELS[option]}
        </label>
      ))}
    </fieldset>
  );
}
