/** Error codes every API method may answer with. The UI translates by code and shows `message` as detail. */
export const errorCodes = [
  'invalid_input', // the input failed its schema
  'not_found',
  'conflict', // duplicate code, state already changed, ...
  'import_rejected', // an import file has errors; nothing was written
  'db_newer', // the database was written by a newer version of the app
  'db_corrupt', // integrity check failed; nothing is written
  'data_folder_locked', // another copy of the app or host uses this data folder
  'unauthorized', // nobody signed in at the desk, wrong PIN, admin only
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

/** Thrown by services; the dispatcher turns it into `{ ok: false, error }`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly problems?: ProblemLocation[];
  constructor(code: ErrorCode, message: string, problems?: ProblemLocation[]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.problems = problems;
  }
}
