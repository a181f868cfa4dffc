import type { LevelDto, RiskLevelDtoKey } from '../../../shared/api/risk-areas';
import { isEnglish } from '../mode/names';

/** Names of risk levels come with the profile (LevelDto); pick the interface language's. */
export function levelLabel(level: RiskLevelDtoKey, levels: readonly LevelDto[], language: string, fallback: string): string {
  const l = levels.find((x) => x.key === level);
  if (!l) return fallback;
  return isEnglish(language) ? l.nameEn : l.name;
}

/** "1,234" */
export const n = (v: number) => v.toLocaleString('zh-CN');

/** An area in m² as people say it: "8,600 m²" below a hectare, "12.3 万m²" (or "0.12 km²" in English) above. */
export function areaText(m2: number, language: string): string {
  if (m2 < 10_000) return `${n(Math.round(m2))} m²`;
  return isEnglish(language) ? `${(m2 / 1e6).toFixed(2)} km²` : `${(m2 / 1e4).toFixed(1)} 万m²`;
}

/** "37%" */
export const percent = (share: number) => `${Math.round(share * 100)}%`;
