import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Per-field form errors: `show` translates the parse errors (required, notCount, notNumber) naming the field
 * by its column label; `clear` drops a field's error as soon as the user edits it.
 */
export function useFieldErrors<F extends string>() {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<Partial<Record<F, string>>>({});
  const show = (parsed: Partial<Record<F, string>>) =>
    setErrors(
      Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, t(`data.form.${String(v)}`, { field: t(`data.col.${k}`) })])) as Partial<Record<F, string>>,
    );
  const clear = (f: F) => setErrors((e) => (e[f] ? { ...e, [f]: undefined } : e));
  const reset = () => setErrors({});
  return { errors, show, clear, reset };
}
