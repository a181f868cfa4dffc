import type { ReadinessGapDto } from '../../../shared/api/command';
import { baobaoLevelNames, leaderRoleNames, leaderRoles, workGroupNames, type LeaderRole } from '../../../shared/domain/workgroups';
import { pickName } from '../mode/names';

type T = (key: string, options?: Record<string, unknown>) => string;

/** A readiness gap in the interface language, from its stable kind and params (the server's `what` is Chinese only). */
export function gapText(g: ReadinessGapDto, t: T, language: string): string {
  const sep = t('command.readiness.listSep');
  const role = g.role && (leaderRoles as readonly string[]).includes(g.role) ? pickName(leaderRoleNames[g.role as LeaderRole], language) : (g.role ?? '');
  return t(`command.readiness.kinds.${g.kind}`, {
    role,
    group: g.groupKey ? pickName(workGroupNames[g.groupKey], language) : '',
    name: g.params.name ?? '',
    community: g.params.community ?? '',
    levels: (g.params.levels ?? []).map((l) => pickName(baobaoLevelNames[l], language)).join(sep),
    people: (g.params.people ?? []).map((p) => `${pickName(baobaoLevelNames[p.level], language)} ${p.name}`).join(sep),
  });
}
