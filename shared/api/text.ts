import { z } from 'zod';

/**
 * Bounds on everything a user can type (issue 9), stated once. Every free-text field of the contract is one of
 * these kinds, so a 60 MB address can no longer be stored and answered back on every list. Lengths count UTF-16
 * code units, as the inputs' `maxLength` attribute does, so the form stops where the server would refuse.
 */
export const textLimits = {
  /** 编码: community, compound, venue, grid, street codes; shift keys; policy profile ids. */
  code: 40,
  /** Places and units: street, community, grid, compound, venue names; the unit name; who reported a case. */
  name: 100,
  /** A person's name (operators, leaders, group members, duty officers). */
  personName: 60,
  /** Short labels: a member's duty in a group (联络员), a venue's contact person. */
  label: 100,
  /** A shift's name (白班, 夜班). */
  shiftName: 20,
  phone: 40,
  /** Addresses and places: a venue's address, where a case was found, a risk area or site named in the log. */
  address: 200,
  /** Reasons: T0 corrections, log corrections, swaps, the switch back to routine. */
  reason: 500,
  /** One task of the activation checklist. */
  task: 500,
  /** Notes: a report's note, the handover note, a work group's tasks. */
  note: 2000,
  /** The text of a log entry (typed by hand or corrected). */
  logText: 4000,
  /** Search boxes (SQLite's LIKE pattern limit is 50,000 bytes; no name is this long). */
  search: 200,
  /** A file name (an import file, a backup). */
  fileName: 260,
  /** A path on this machine (the MBTiles base map). */
  path: 1000,
} as const;
export type TextKind = keyof typeof textLimits;

/**
 * Multi-line kinds keep line breaks and tabs (typed in a textarea); single-line kinds refuse every control
 * character, line breaks included: an `<input>` cannot produce one, and one in a name breaks printed tables and CSV rows.
 */
const multiLine: ReadonlySet<TextKind> = new Set(['reason', 'task', 'note', 'logText']);

/** Whitespace and invisible format characters (zero-width space, joiners, BOM, direction marks) at either end. */
const edges = /^[\s\p{Cf}]+|[\s\p{Cf}]+$/gu;
/** What shows nothing on screen: text made only of these counts as empty. */
const invisible = /[\s\p{Cf}\p{Cc}]/gu;
const controlAny = /\p{Cc}/u;
const controlButLines = /[^\P{Cc}\n\r\t]/u;
/** A lone UTF-16 surrogate (possible in JSON as "\ud800") is no character at all. */
const loneSurrogate = /\p{Cs}/u;

/** Trimmed of whitespace and invisible characters; '' when nothing visible is left. */
export function cleanText(s: string): string {
  const trimmed = s.replace(edges, '');
  return trimmed.replace(invisible, '') === '' ? '' : trimmed;
}

/**
 * The checks every free text gets, in order. A string far over the limit is refused before anything else looks
 * at it (abort), so a huge value costs one length comparison.
 */
function boundedText(kind: TextKind, label: string) {
  const max = textLimits[kind];
  const tooLong = `${label}不能超过 ${max} 个字`;
  const control = multiLine.has(kind) ? controlButLines : controlAny;
  return z
    .string({ error: `${label}须为文字` })
    .max(max + 1000, { error: tooLong, abort: true })
    .overwrite(cleanText)
    .max(max, tooLong)
    .refine((s) => !control.test(s), multiLine.has(kind) ? `${label}不能包含控制字符（换行和制表符除外）` : `${label}不能包含换行或控制字符`)
    .refine((s) => !loneSurrogate.test(s), `${label}含有无效的字符`);
}

/** Required text: empty, blank or invisible-only text is refused with `<label>不能为空` (or the message given). */
export function requiredText(kind: TextKind, label: string, emptyMessage = `${label}不能为空`) {
  return boundedText(kind, label).min(1, emptyMessage);
}

/** Text that may be left blank ('' after cleaning), for settings stored as a string: the unit name. */
export function textOrBlank(kind: TextKind, label: string) {
  return boundedText(kind, label);
}

/** Optional text: absent, null, or a string; empty, blank or invisible-only text becomes null. */
export function optionalText(kind: TextKind, label: string) {
  return boundedText(kind, label)
    .transform((s): string | null => (s === '' ? null : s))
    .nullable()
    .optional();
}

// Named helpers, one per kind of field: `nameText('名称')` is required, `nameText.optional('联系人')` may be empty.
function kindOf(kind: TextKind) {
  return Object.assign((label: string, emptyMessage?: string) => requiredText(kind, label, emptyMessage), {
    optional: (label: string) => optionalText(kind, label),
  });
}
export const codeText = kindOf('code');
export const nameText = kindOf('name');
export const personNameText = kindOf('personName');
export const labelText = kindOf('label');
export const shiftNameText = kindOf('shiftName');
/** Phones: optional everywhere; digits, spaces and + - ( ) only. */
export const phoneText = {
  optional: (label = '电话') =>
    boundedText('phone', label)
      .regex(/^[0-9+\-() ]*$/, `${label}只能包含数字、空格和 + - ( )`)
      .transform((s): string | null => (s === '' ? null : s))
      .nullable()
      .optional(),
};
export const addressText = kindOf('address');
export const reasonText = kindOf('reason');
export const taskText = kindOf('task');
export const noteText = kindOf('note');
export const logText = kindOf('logText');
export const fileNameText = kindOf('fileName');
export const pathText = kindOf('path');

/** A search box: optional; blank means no search (undefined). */
export const searchText = boundedText('search', '搜索文字')
  .transform((s) => (s === '' ? undefined : s))
  .optional();
