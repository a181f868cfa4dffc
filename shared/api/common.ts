import { z } from 'zod';

export const empty = z.object({});
export const idInput = z.object({ id: z.number().int().positive() });
export const okOutput = z.object({ ok: z.literal(true) });

/** Polygon or MultiPolygon in WGS-84 (longitude, latitude). Deep checks happen in the importer. */
export const areaGeometry = z.object({
  type: z.enum(['Polygon', 'MultiPolygon']),
  coordinates: z.array(z.any()),
});
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
