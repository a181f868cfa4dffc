import { z } from 'zod';
import { defineFeature, read } from './define';
import { empty } from './common';

/** The server's clock: its time now (epoch ms) and its rate (1 = real time, 60 in an accelerated drill, 0 paused). */
export const clockDto = z.object({ now: z.number().int(), rate: z.number().min(0) });
export type ClockDto = z.infer<typeof clockDto>;

/** The one clock (shared/domain/clock.ts): the renderer's time is extrapolated from it (renderer/app/clock.ts). */
export const clockFeature = defineFeature('clock', {
  getClock: read("The server's time and clock rate; the renderer's clock extrapolates from it", empty, clockDto),
});
