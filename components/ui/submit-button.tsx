type Size = "sm" | "md" | "lg";

const PADDING: Record<Size, string> = { sm: "px-3 py-1", md: "px-4 py-1.5", lg: "px-4 py-2" };

/** The filled, brand-coloured look of the one button a form or panel leads with. `className` goes first (a margin). */
export function primaryButtonClass(size: Size = "md", className?: string): string {
  const look = `rounded-md bg-brand-600 ${PADDING[size]} text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60`;
  return className ? `${className} ${look}` : look;
}

/**
 * The button that sends a form, or runs a panel's main action with `type="button"`: disabled while the action runs
 * (`pending`), and saying what it is doing meanwhile when `pendingLabel` is given.
 */
export function SubmitButton({
  pending = false,
  pendingLabel,
  size = "md",
  className,
  disabled = false,
  type = "submit",
  children,
  ...button
}: Omit<React.ComponentProps<"button">, "type"> & {
  type?: "submit" | "button";
  pending?: boolean;
  pendingLabel?: string;
  size?: Size;
}) {
  return (
    <button {...button} type={type} disabled={pending || disabled} className={primaryButtonClass(size, className)}>
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
