import type { InputHTMLAttributes, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { cn } from "@/lib/utils";

const CONTROL = "w-full rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm shadow-sm focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-600 aria-[invalid=true]:border-rose-600 disabled:opacity-60 dark:border-zinc-700 dark:bg-zinc-900";

/**
 * A labelled form control with its hint and field errors, wired for assistive technology
 * (aria-invalid, aria-describedby). `children` receives the ids and attributes to spread on the control.
 */
export function Field({ id, label, hint, errors, children }: {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  children: (control: { id: string; "aria-invalid": boolean; "aria-describedby"?: string }) => React.ReactNode;
}) {
  const described = [hint && `${id}-hint`, errors?.length && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">{label}</label>
      {children({ id, "aria-invalid": Boolean(errors?.length), "aria-describedby": described })}
      {hint && <p id={`${id}-hint`} className="text-xs text-zinc-600 dark:text-zinc-400">{hint}</p>}
      {errors?.length ? <p id={`${id}-error`} className="text-xs text-rose-700 dark:text-rose-400">{errors.join(" ")}</p> : null}
    </div>
  );
}

export function Input({ className, ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return <input className={cn(CONTROL, className)} {...props} />;
}

export function Textarea({ className, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea className={cn(CONTROL, className)} {...props} />;
}

export function Select({ className, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className={cn(CONTROL, className)} {...props} />;
}

/** A labelled select of `choices` after a first option for none of them (`noneLabel`, sent as ""). */
export function SelectField({ id, label, hint, errors, name, defaultValue, noneLabel, choices }: {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  name: string;
  defaultValue: string;
  noneLabel: string;
  choices: { value: string; label: string }[];
}) {
  return (
    <Field id={id} label={label} hint={hint} errors={errors}>
      {(control) => (
        <Select {...control} name={name} defaultValue={defaultValue}>
          <option value="">{noneLabel}</option>
          {choices.map((choice) => <option key={choice.value} value={choice.value}>{choice.label}</option>)}
        </Select>
      )}
    </Field>
  );
}

/** A list filter's select, labelled above it: its first option, `anyLabel`, sets no filter (null). */
export function FilterSelect<V extends string>({ id, label, value, anyLabel, options, onChange, className }: {
  id: string;
  label: string;
  value: V | null;
  anyLabel: string;
  /** a value is its own label where none is given */
  options: readonly (V | { value: V; label: string })[];
  onChange: (value: V | null) => void;
  className?: string;
}) {
  return (
    <div className="space-y-1 text-sm">
      <label htmlFor={id} className="block font-medium">{label}</label>
      <Select id={id} value={value ?? ""} className={className} onChange={(event) => onChange((event.target.value || null) as V | null)}>
        <option value="">{anyLabel}</option>
        {options.map((option) => {
          const { value: optionValue, label: optionLabel } = typeof option === "string" ? { value: option, label: option } : option;
          return <option key={optionValue} value={optionValue}>{optionLabel}</option>;
        })}
      </Select>
    </div>
  );
}

/**
 * The form-level message of a failed mutation (forbidden, conflict, not found, unexpected), announced to screen
 * readers; focusable, so a form can bring the person to it (useActionForm does).
 */
export function FormError({ message }: { message?: string | null }) {
  if (!message) return null;
  return <p role="alert" tabIndex={-1} className="rounded-md bg-rose-50 p-3 text-sm text-rose-900 dark:bg-rose-950 dark:text-rose-100">{message}</p>;
}
