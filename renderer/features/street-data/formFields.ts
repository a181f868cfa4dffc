/** Form text to API values, with the field named in the error (messages are i18n keys with `field`). */

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: 'required' | 'notCount' | 'notNumber' };

export function parseRequiredText(text: string): Parsed<string> {
  const v = text.trim();
  return v ? { ok: true, value: v } : { ok: false, error: 'required' };
}

/** A non-negative whole number (people, households, buildings). Thousands separators are accepted. */
export function parseCount(text: string): Parsed<number> {
  const v = text.trim().replace(/[,，\s]/g, '');
  if (!v) return { ok: false, error: 'required' };
  if (!/^\d+$/.test(v)) return { ok: false, error: 'notCount' };
  const n = Number(v);
  return Number.isSafeInteger(n) ? { ok: true, value: n } : { ok: false, error: 'notCount' };
}

export function parseOptionalCount(text: string): Parsed<number | null> {
  return text.trim() ? parseCount(text) : { ok: true, value: null };
}

/** A decimal number such as a coordinate. The range is the API's to check, so its message names the limits. */
export function parseDecimal(text: string): Parsed<number> {
  const v = text.trim();
  if (!v) return { ok: false, error: 'required' };
  const n = Number(v);
  return /^[-+]?\d+(\.\d+)?$/.test(v) && Number.isFinite(n) ? { ok: true, value: n } : { ok: false, error: 'notNumber' };
}

export const optionalText = (text: string): string | null => (text.trim() ? text.trim() : null);

/** Collects field errors: returns the values when every field parsed, else the errors by field. */
export function collect<T extends Record<string, Parsed<unknown>>>(
  fields: T,
): { ok: true; values: { [K in keyof T]: T[K] extends Parsed<infer V> ? V : never } } | { ok: false; errors: Partial<Record<keyof T, string>> } {
  const errors: Partial<Record<keyof T, string>> = {};
  const values: Record<string, unknown> = {};
  for (const [k, p] of Object.entries(fields)) {
    if (p.ok) values[k] = p.value;
    else errors[k as keyof T] = p.error;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, values: values as { [K in keyof T]: T[K] extends Parsed<infer V> ? V : never } };
}
