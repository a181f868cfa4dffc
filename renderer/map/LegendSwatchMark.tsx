import type { LegendSwatch } from './layerRegistry';

/** The symbol of a legend or switcher row, coloured from the semantic CSS variables its layer names. */
export function LegendSwatchMark({ swatch }: { swatch: LegendSwatch }) {
  if (swatch.kind === 'dot') return <span className="dot" style={{ background: `var(${swatch.color})` }} />;
  return (
    <span
      className="swatch"
      style={{ border: `${swatch.strokeWidth}px solid var(${swatch.stroke})`, background: `var(${swatch.fill})` }}
    />
  );
}
