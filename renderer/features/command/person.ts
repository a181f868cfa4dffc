import type { PersonDto } from '../../../shared/api/command';

/** A person as edited in a form: plain strings, empty when not filled. */
export interface PersonForm {
  name: string;
  phone: string;
  duty: string;
}

export const emptyPerson: PersonForm = { name: '', phone: '', duty: '' };

export function toForm(p: PersonDto | null | undefined): PersonForm {
  return { name: p?.name ?? '', phone: p?.phone ?? '', duty: p?.duty ?? '' };
}

/** A form back to the API's input: no name means nobody (null); an empty phone or duty is null. */
export function toInput(f: PersonForm): { name: string; phone: string | null; duty: string | null } | null {
  if (!f.name.trim()) return null;
  return { name: f.name.trim(), phone: f.phone.trim() || null, duty: f.duty.trim() || null };
}

export function samePerson(a: PersonForm, b: PersonForm): boolean {
  return a.name === b.name && a.phone === b.phone && a.duty === b.duty;
}

/** "张三 138…" for tables and print; a dash when nobody. */
export function personText(p: PersonDto | null | undefined): string {
  if (!p) return '—';
  return p.phone ? `${p.name} ${p.phone}` : p.name;
}
