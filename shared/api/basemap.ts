import { z } from 'zod';
import { defineFeature, read, write } from './define';
import { empty } from './common';
import { pathText } from './text';

export const tileFormat = z.enum(['png', 'jpg', 'webp']);
export type TileFormat = z.infer<typeof tileFormat>;

/** The optional raster base map: a local MBTiles file chosen in 设置. Everything null when none is configured. */
export const baseMapDto = z.object({
  file: z.string().nullable(),
  format: tileFormat.nullable(),
  minZoom: z.number().int().nullable(),
  maxZoom: z.number().int().nullable(),
  /** [west, south, east, north] in WGS-84, from the file's metadata. */
  bounds: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable(),
  name: z.string().nullable(),
  /** Set when a file is configured but can no longer be opened (moved, deleted, damaged). */
  problem: z.string().nullable(),
});
export type BaseMapDto = z.infer<typeof baseMapDto>;

export const baseMapFeature = defineFeature('basemap', {
  getBaseMap: read('The configured MBTiles base map and its metadata (all null when none)', empty, baseMapDto),
  setBaseMap: write(
    'Use a local MBTiles file as the raster base map (checked first), or none with file: null',
    z.object({ file: pathText('MBTiles 文件路径').nullable() }),
    baseMapDto,
    ['basemap'],
  ),
});
