import fs from 'node:fs';
import path from 'node:path';

/**
 * The data folder holds the register (names, phones) and PIN hashes: only the user who runs the app may read it.
 * Modes are set explicitly, never left to the umask (with the common 022 a new file would be 0644, world-readable).
 * On Windows chmod only toggles read-only; the folder's ACL (inside the user's profile) protects it there.
 */
export const privateDirMode = 0o700;
export const privateFileMode = 0o600;

/** One permission that had to be tightened, for the log: `streetcommand.sqlite 0644 → 0600`. */
export interface Tightened {
  name: string;
  from: number;
  to: number;
  /** chmod refused (a file system without Unix modes, a file owned by someone else): the error code. */
  failed?: string;
}

export const describeTightened = (t: Tightened) =>
  t.failed ? `${t.name} ${octal(t.from)}（无法改为 ${octal(t.to)}：${t.failed}）` : `${t.name} ${octal(t.from)} → ${octal(t.to)}`;
const octal = (mode: number) => (mode & 0o777).toString(8).padStart(4, '0');

/** Creates the folder 0700 (its parents as mkdir makes them), or tightens an existing one. */
export function ensurePrivateDir(dir: string): Tightened | null {
  fs.mkdirSync(dir, { recursive: true, mode: privateDirMode });
  return tighten(dir, privateDirMode);
}

/** Makes an existing file 0600; a missing one is left alone. */
export function ensurePrivateFile(file: string): Tightened | null {
  return tighten(file, privateFileMode);
}

/** Creates an empty file 0600 (so whatever fills it later, such as SQLite, inherits a private file). */
export function createPrivateFile(file: string): void {
  fs.closeSync(fs.openSync(file, 'wx', privateFileMode));
  tighten(file, privateFileMode); // the umask may have taken bits off: 0600 exactly
}

function tighten(target: string, mode: number): Tightened | null {
  let st: fs.Stats;
  try {
    st = fs.statSync(target);
  } catch {
    return null;
  }
  if (process.platform === 'win32' || (st.mode & 0o777) === mode) return null;
  const change: Tightened = { name: path.basename(target), from: st.mode & 0o777, to: mode };
  try {
    fs.chmodSync(target, mode);
  } catch (err) {
    // Not fatal: the app still works on such a folder; the log says the folder could not be made private.
    change.failed = (err as NodeJS.ErrnoException).code ?? String(err);
  }
  return change;
}
