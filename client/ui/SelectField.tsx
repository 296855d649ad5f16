import { useId, type ReactNode, type SelectHTMLAttributes } from 'react';

export interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: string;
  hint?: string | undefined;
  children: ReactNode;
}

/** A labelled select (options as children) with an optional hint. */
export function SelectField({ label, hint, children, className, ...select }: SelectFieldProps) {
  const id = useId();
  const hintId = useId();
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      <select id={id} aria-describedby={hint ? hintId : undefined} {...select}>
        {children}
      </select>
      {hint && <p id={hintId} className="hint">{hint}</p>}
    </div>
  );
}
