import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../app/queries';
import type { LogRef } from '../../../shared/api/log';
import { textLimits } from '../../../shared/api/text';

export type LinkForm = { kind: '' } | { kind: 'team'; teamId: string } | { kind: LogRef['kind']; text: string };
export const emptyLink: LinkForm = { kind: '' };

/** The link part of addLogEntry's input: a team by id, or a risk area / site named by hand. */
export function linkInput(l: LinkForm): { link?: { kind: 'team'; id: number }; ref?: LogRef } {
  if (l.kind === 'team') return l.teamId ? { link: { kind: 'team', id: Number(l.teamId) } } : {};
  if (l.kind === 'area' || l.kind === 'site') return { ref: { kind: l.kind, text: l.text } };
  return {};
}

/**
 * What an entry concerns: one of the street's sampling teams (picked from the list), or a risk area or sampling site
 * typed by hand, since those are not records of the app yet (the label says so).
 */
export function LinkFields({ value, onChange }: { value: LinkForm; onChange: (l: LinkForm) => void }) {
  const { t } = useTranslation();
  const teams = useApiQuery('listTeams', {});
  return (
    <>
      <div className="field">
        <label htmlFor="log-link-kind">{t('log.link')}</label>
        <select id="log-link-kind" value={value.kind} data-testid="log-link-kind"
          onChange={(e) => {
            const k = e.target.value;
            onChange(k === 'team' ? { kind: 'team', teamId: '' } : k === 'area' || k === 'site' ? { kind: k, text: '' } : emptyLink);
          }}>
          <option value="">{t('log.linkNone')}</option>
          {(['team', 'area', 'site'] as const).map((k) => <option key={k} value={k}>{t(`log.linkKinds.${k}`)}</option>)}
        </select>
      </div>
      {value.kind === 'team' && (
        <div className="field">
          <label htmlFor="log-link-team">{t('log.teamPick')}</label>
          <select id="log-link-team" value={value.teamId} data-testid="log-link-team" onChange={(e) => onChange({ kind: 'team', teamId: e.target.value })}>
            <option value="">{(teams.data?.length ?? 0) === 0 ? t('log.noTeams') : '—'}</option>
            {(teams.data ?? []).map((tm) => <option key={tm.id} value={tm.id}>{tm.code} {tm.name}</option>)}
          </select>
        </div>
      )}
      {(value.kind === 'area' || value.kind === 'site') && (
        <div className="field grow">
          <label htmlFor="log-link-ref">{t(`log.linkKinds.${value.kind}`)} · {t('log.refText')}</label>
          <input id="log-link-ref" value={value.text} maxLength={textLimits.address} data-testid="log-link-ref"
            onChange={(e) => onChange({ kind: value.kind, text: e.target.value })} />
          <span className="muted small">{t('log.refHint')}</span>
        </div>
      )}
    </>
  );
}
