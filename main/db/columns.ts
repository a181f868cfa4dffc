import type { AreaGeometry } from '../../shared/api/common';

/** How values sit in columns, shared by the street query modules: outlines as GeoJSON text, searches as LIKE patterns. */

export const parseGeometry = (s: string | null): AreaGeometry | null => (s ? (JSON.parse(s) as AreaGeometry) : null);

/** A LIKE pattern for "contains"; %, _ and backslash in the user's text match literally (with ESCAPE '\\' in the SQL). */
export const likeOf = (search?: string) => (search && search.trim() ? `%${search.trim().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%` : null);
