import { createContext, useContext, type ComponentType } from 'react';

/**
 * Print views, registered by the features that own them (STYLE.md §8). "#/print/<id>?..." renders the view with
 * that id inside PrintRoute; a feature adds one by calling `registerPrintView` in its own folder and importing that
 * file once (renderer/app/printViews.ts), never by editing a switch.
 */
export interface PrintViewProps {
  /** The route's query, e.g. `week=2024-05-06` of "#/print/duty?week=2024-05-06". */
  params: URLSearchParams;
}

export interface PrintViewDef {
  /** The route segment after "/print/". */
  id: string;
  /** i18n key of the view's title: the heading and running head unless the view passes a more precise one. */
  titleKey: string;
  /** The A4 sheet's orientation (page CSS, the sheet on screen, the toolbar hint). */
  orientation: 'portrait' | 'landscape';
  /** Renders a PrintLayout; it reads title and orientation from this entry. */
  Component: ComponentType<PrintViewProps>;
}

const views = new Map<string, PrintViewDef>();

/** Adds a print view. Two views with one id are a programming error and fail at start, not silently. */
export function registerPrintView(def: PrintViewDef): void {
  if (views.has(def.id)) throw new Error(`print view "${def.id}" is registered twice`);
  views.set(def.id, def);
}

export function printView(id: string): PrintViewDef | undefined {
  return views.get(id);
}

/** Every registered view, in registration order. */
export function printViews(): readonly PrintViewDef[] {
  return [...views.values()];
}

/** The view being rendered, for PrintLayout (null when a layout is rendered outside PrintRoute, e.g. in a test). */
export const PrintViewContext = createContext<PrintViewDef | null>(null);

export function useCurrentPrintView(): PrintViewDef | null {
  return useContext(PrintViewContext);
}
