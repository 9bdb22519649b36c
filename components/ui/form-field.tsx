/** The look of a text box or menu set under its label in a form or a filter row. */
export const FIELD_CLASS =
  "mt-1 block rounded-md border border-slate-300 px-2 py-1.5 text-sm font-normal dark:border-slate-600 dark:bg-slate-900";

const LABEL_CLASS = "text-sm font-medium";

export type Option = string | { value: string; label: string };

/**
 * A labelled menu. `blank` adds a first option without a value ("Any", "All", "Choose…"); the other attributes
 * (name, defaultValue or value and onChange, required) pass through to the <select>.
 */
export function SelectField({
  label,
  options,
  blank,
  labelClassName = LABEL_CLASS,
  className = FIELD_CLASS,
  ...select
}: React.ComponentProps<"select"> & {
  label: React.ReactNode;
  options: readonly Option[];
  blank?: string;
  labelClassName?: string;
}) {
  return (
    <label className={labelClassName}>
      {label}
      <select {...select} className={className}>
        {blank !== undefined && <option value="">{blank}</option>}
        {options.map((option) => {
          const { value, label: text } = typeof option === "string" ? { value: option, label: option } : option;
          return (
            <option key={value} value={value}>
              {text}
            </option>
          );
        })}
      </select>
    </label>
  );
}

/** A labelled text, date or number box; the other attributes pass through to the <input>. */
export function InputField({
  label,
  className = FIELD_CLASS,
  ...input
}: React.ComponentProps<"input"> & { label: React.ReactNode }) {
  return (
    <label className={LABEL_CLASS}>
      {label}
      <input {...input} className={className} />
    </label>
  );
}

/** A checkbox with its label after it; the other attributes (checked and onChange, or name and defaultChecked) pass through. */
export function CheckboxField({
  children,
  labelClassName = "flex items-center gap-2 text-sm",
  ...input
}: Omit<React.ComponentProps<"input">, "type" | "className"> & { labelClassName?: string }) {
  return (
    <label className={labelClassName}>
      <input {...input} type="checkbox" className="h-4 w-4" />
      {children}
    </label>
  );
}
