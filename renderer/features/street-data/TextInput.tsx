/** A text field of a street-data form: marks itself invalid, and numbers are typed with the right keyboard, right-aligned. */
export function TextInput({
  id,
  value,
  onChange,
  invalid,
  mode,
  autoFocus,
  maxLength,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  invalid: boolean;
  mode?: 'numeric' | 'decimal';
  autoFocus?: boolean;
  maxLength?: number;
}) {
  return (
    <input
      id={id}
      value={value}
      autoFocus={autoFocus}
      maxLength={maxLength}
      inputMode={mode}
      className={mode ? 'num' : undefined}
      aria-invalid={invalid}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
