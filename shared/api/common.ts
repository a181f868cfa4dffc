import { z } from 'zod';

export const empty = z.object({});
export const idInput = z.object({ id: z.number().int().positive() });
export const okOutput = z.object({ ok: z.literal(true) });

/**
 * Whether arrays nest at most `max` levels deep in `value`, walked with a stack of its own rather than recursion: a
 * 10,000-deep array sent as a boundary overflowed the call stack of the geometry checks (found by the fuzz test).
 */
export function arraysNestAtMost(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (!Array.isArray(v)) continue;
    if (depth > max) return false;
    for (const x of v) if (Array.isArray(x)) stack.push([x, depth + 1]);
  }
  return true;
}

/**
 * Polygon or MultiPolygon in WGS-84 (longitude, latitude). Only the nesting is bounded here (a MultiPolygon's numbers
 * sit 4 arrays deep); the deep checks, with their messages, happen in the importer's geometry check.
 */
export const areaGeometry = z
  .object({
    type: z.enum(['Polygon', 'MultiPolygon']),
    coordinates: z.array(z.any()),
  })
  .refine((g) => arraysNestAtMost(g.coordinates, 4), { message: '边界坐标嵌套过深：Polygon 为 3 层数组，MultiPolygon 为 4 层', path: ['coordinates'] });
export type AreaGeometry = z.infer<typeof areaGeometry>;

export const featureCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      id: z.union([z.string(), z.number()]).optional(),
      properties: z.record(z.string(), z.unknown()).nullable(),
      geometry: z.any(),
    }),
  ),
});
export type FeatureCollectionDto = z.infer<typeof featureCollection>;
