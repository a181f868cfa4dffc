import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { useApiQuery } from '../../app/queries';
import { ErrorMessage } from '../../app/ErrorMessage';
import { isEnglish } from './names';

/** The active policy profile (防控方案版本) for the next emergency; settings screen. A running emergency keeps its own. */
export function PolicyProfileSelect() {
  const { t, i18n } = useTranslation();
  const profiles = useApiQuery('listPolicyProfiles', {});
  const choose = useMutation({
    mutationFn: (id: string) => call('setActivePolicyProfile', { id }),
  });
  const en = isEnglish(i18n.language);
  const active = profiles.data?.profiles.find((p) => p.id === profiles.data?.activeId);
  return (
    <div className="field" data-testid="policy-profile">
      <label htmlFor="policy-profile">{t('mode.profile.label')}</label>
      <select id="policy-profile" value={profiles.data?.activeId ?? ''} disabled={!profiles.data || choose.isPending}
        onChange={(e) => choose.mutate(e.target.value)}>
        {(profiles.data?.profiles ?? []).map((p) => (
          <option key={p.id} value={p.id}>{(en ? p.nameEn : p.name) + ` (${p.effectiveFrom})`}</option>
        ))}
      </select>
      {active && <span className="muted small">{t('mode.profile.source', { source: active.source })}</span>}
      <span className="muted small">{t('mode.profile.hint')}</span>
      <ErrorMessage error={profiles.error ?? choose.error} />
    </div>
  );
}
