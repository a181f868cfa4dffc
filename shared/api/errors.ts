/** Error codes every API method may answer with. The UI translates by code and shows `message` as detail. */
export const errorCodes = [
  'invalid_input', // the input failed its schema
  'not_found',
  'conflict', // duplicate code, state already changed, ...
  'import_rejected', // an import file has errors; nothing was written
  'db_newer', // the database was written by a newer version of the app
  'db_corrupt', // integrity check failed; nothing is written
  'data_folder_locked', // another copy of the app or host uses this data folder
  'unauthorized', // wrong PIN, admin only, PIN locked out after wrong tries
  'signed_out', // a change was asked with nobody signed in at the desk; nothing was written
  'desk_locked', // a change was asked while the desk is locked (idle, on demand, after a restart or restore); nothing was written
  'confirmation_required', // the input is plausible but unusual (T0 more than 72 h ago): ask, then send again with the confirm flag
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** One problem found in an input file: where (file, line or feature index, field) and what. */
export interface ProblemLocation {
  file?: string;
  line?: number; // 1-based line in a text file (header is line 1)
  feature?: number; // 0-based index in a GeoJSON FeatureCollection
  field?: string;
  message: string;
}

export interface ApiError {
  code: ErrorCode;
  message: string;
  problems?: ProblemLocation[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/**
 * Thrown by services; the dispatcher turns it into `{ ok: false, error }` and rolls the change back, unless the
 * error says `keepChanges`: a refusal whose own bookkeeping must stay (a wrong PIN counts towards the lockout even
 * though the sign-in is refused). Such a service writes nothing else before it throws.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly problems?: ProblemLocation[];
  readonly keepChanges: boolean;
  constructor(code: ErrorCode, message: string, problems?: ProblemLocation[], options: { keepChanges?: boolean } = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.problems = problems;
    this.keepChanges = options.keepChanges ?? false;
  }
}
