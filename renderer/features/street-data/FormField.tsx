import type { ReactNode } from 'react';

/** A labelled form control with its own error line underneath (the error text is already translated). */
export function FormField({ id, label, error, hint, wide, children }: { id: string; label: string; error?: string; hint?: string; wide?: boolean; children: ReactNode }) {
  return (
    <div className={`sd-field${wide ? ' wide' : ''}${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {error ? (
        <span className="sd-field-error" id={`${id}-error`}>
          {error}
        </span>
      ) : (
        hint && <span className="sd-field-hint">{hint}</span>
      )}
    </div>
  );
}
