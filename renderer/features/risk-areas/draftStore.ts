import { create } from 'zustand';
import type { AreaGeometry } from '../../../shared/api/common';

/**
 * The risk-area screen's drawing state, shared by the map's editor (inside Leaflet) and the side panel (outside it):
 * which tool is on, the unsaved shape or the picked compounds, the area being redrawn, the area selected.
 */
export type DrawTool = 'none' | 'polygon' | 'rectangle' | 'pick';
export type ShapeMode = 'vertices' | 'move';

export interface RiskDraftState {
  /** What a click on the map does now. */
  tool: DrawTool;
  /** The drawn shape (not saved yet), or null. */
  geometry: AreaGeometry | null;
  /**
   * performance.now() of the change that made `geometry`, for the drag-to-figures measure; null when it came from
   * outside the editor (an area opened for editing).
   */
  changedAt: number | null;
  /**
   * Bumped whenever the shape is replaced from outside the map's editor (drawn, converted from a union, an area opened
   * for editing), so the editor builds a fresh layer. Edits made on that layer do not bump it.
   */
  shapeKey: number;
  /** Compounds picked on the map (ids), in click order. */
  picked: number[];
  /** The saved area being redrawn or re-picked, or null while a new area is made. */
  editingAreaId: number | null;
  /** Vertex editing or moving the whole shape. */
  shapeMode: ShapeMode;
  /** The area shown in the panel. */
  selectedId: number | null;
  /** The union of the picked compounds as the server made it (previewRiskArea), drawn as their outline. */
  union: AreaGeometry | null;
  /** A short message from the map (a refused crossing edge), with a counter so the same text shows again. */
  notice: { text: string; seq: number } | null;

  setTool(tool: DrawTool): void;
  /** Starts drawing a new shape; it replaces the unsaved one (the area being redrawn stays the target). */
  startDrawing(tool: 'polygon' | 'rectangle'): void;
  /** A new shape from outside the editor (the user finished drawing, a union to edit, an area's boundary). */
  setShape(geometry: AreaGeometry, editingAreaId?: number | null): void;
  /** The editor changed the shape (a vertex dragged, the shape moved). */
  editShape(geometry: AreaGeometry, at: number): void;
  togglePicked(id: number): void;
  /** Starts picking, optionally from an area's compounds (re-picking a saved area). */
  startPicking(picked?: number[], editingAreaId?: number | null): void;
  setShapeMode(mode: ShapeMode): void;
  /** Forgets the unsaved shape and the picks. */
  clearDraft(): void;
  select(id: number | null): void;
  notify(text: string): void;
  setUnion(union: AreaGeometry | null): void;
}

const noDraft = { tool: 'none' as const, geometry: null, changedAt: null, picked: [], editingAreaId: null, shapeMode: 'vertices' as const };

export const useRiskDraft = create<RiskDraftState>((set) => ({
  ...noDraft,
  shapeKey: 0,
  selectedId: null,
  notice: null,
  union: null,
  setTool: (tool) => set({ tool }),
  startDrawing: (tool) =>
    set((s) => ({ tool, geometry: null, changedAt: null, picked: [], union: null, shapeMode: 'vertices', shapeKey: s.shapeKey + 1 })),
  setShape: (geometry, editingAreaId) =>
    set((s) => ({
      tool: 'none',
      geometry,
      changedAt: performance.now(),
      picked: [],
      shapeKey: s.shapeKey + 1,
      shapeMode: 'vertices',
      editingAreaId: editingAreaId === undefined ? s.editingAreaId : editingAreaId,
    })),
  editShape: (geometry, at) => set({ geometry, changedAt: at }),
  togglePicked: (id) => set((s) => ({ picked: s.picked.includes(id) ? s.picked.filter((x) => x !== id) : [...s.picked, id] })),
  startPicking: (picked = [], editingAreaId = null) =>
    set((s) => ({ ...noDraft, tool: 'pick', picked, editingAreaId, union: null, shapeKey: s.shapeKey + 1 })),
  setShapeMode: (shapeMode) => set({ shapeMode }),
  clearDraft: () => set((s) => ({ ...noDraft, union: null, shapeKey: s.shapeKey + 1 })),
  select: (selectedId) => set({ selectedId }),
  setUnion: (union) => set({ union }),
  notify: (text) => set((s) => ({ notice: { text, seq: (s.notice?.seq ?? 0) + 1 } })),
}));

/** True while something unsaved is on the map (a shape or picked compounds). */
export function hasDraft(s: Pick<RiskDraftState, 'geometry' | 'picked' | 'tool'>): boolean {
  return s.geometry !== null || s.picked.length > 0 || s.tool !== 'none';
}
