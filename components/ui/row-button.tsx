/**
 * A small bordered button in a table or list row (Revoke, Remove, Reset…); `danger` for one that takes access or
 * data away. `className` goes first (a margin).
 */
export function RowButton({
  danger = false,
  className,
  type = "button",
  ...button
}: Omit<React.ComponentProps<"button">, "type"> & { danger?: boolean; type?: "button" | "submit" }) {
  const look = danger
    ? "rounded-md border border-slate-200 px-2.5 py-1 text-sm text-red-700 hover:bg-red-50 disabled:opacity-60 dark:border-slate-700 dark:text-red-400 dark:hover:bg-red-950"
    : "rounded-md border border-slate-200 px-2.5 py-1 text-sm hover:bg-slate-50 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-800";
  return <button {...button} type={type} className={className ? `${className} ${look}` : look} />;
}
