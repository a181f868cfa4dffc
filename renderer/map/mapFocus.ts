import { create } from 'zustand';
import type { Box } from '../../shared/domain/spatial';

/** Asks the map to show a box (a community picked in a side panel); the map flies there. */
export interface MapFocusState {
  request: { box: Box; seq: number } | null;
  focus(box: Box): void;
}

export const useMapFocus = create<MapFocusState>((set) => ({
  request: null,
  focus: (box) => set((s) => ({ request: { box, seq: (s.request?.seq ?? 0) + 1 } })),
}));
