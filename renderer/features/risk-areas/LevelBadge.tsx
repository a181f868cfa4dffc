import type { RiskLevelDtoKey } from '../../../shared/api/risk-areas';

/** The level as a coloured tag: high red, medium amber, low unmarked (risk-areas.css, from --color-risk-*). */
export function LevelBadge({ level, label }: { level: RiskLevelDtoKey; label: string }) {
  return (
    <span className={`risk-badge risk-${level}`} data-testid="risk-level" data-level={level}>
      {label}
    </span>
  );
}
