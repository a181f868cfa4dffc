import { useTranslation } from 'react-i18next';
import type { EmergencyDto } from '../../../shared/api/mode';
import { caseTypeNames } from '../../../shared/domain/workgroups';
import { formatDateTime, formatDuration } from '../../../shared/domain/shanghai-time';
import { useNow } from '../../app/clock';
import { isEnglish, pickName } from './names';

type Emergency = NonNullable<EmergencyDto['emergency']>;

/** T0, elapsed, who switched and when, the policy profile, the trigger report and T0 corrections. */
export function EmergencyFacts({ emergency }: { emergency: Emergency }) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const e = emergency;
  return (
    <dl className="facts" data-testid="emergency-facts">
      <dt>T0</dt>
      <dd data-testid="t0">{formatDateTime(e.t0)}</dd>
      <dt>{t('mode.facts.elapsed')}</dt>
      <dd>{formatDuration(now - e.t0, t('mode.daySuffix'))}</dd>
      <dt>{t('mode.facts.switched')}</dt>
      <dd>{formatDateTime(e.switchedAt)} · {e.switchedBy?.name ?? t('mode.nobody')}</dd>
      <dt>{t('mode.facts.profile')}</dt>
      <dd>{isEnglish(i18n.language) ? e.profile.nameEn : e.profile.name}</dd>
      <dt>{t('mode.facts.trigger')}</dt>
      <dd>
        {pickName(caseTypeNames[e.trigger.caseType], i18n.language)} · {e.trigger.place} · {t('mode.facts.reportedBy', { who: e.trigger.reportedBy })}
      </dd>
      {e.t0Corrections.length > 0 && (
        <>
          <dt>{t('mode.facts.corrections')}</dt>
          <dd>
            <ul className="plain">
              {e.t0Corrections.map((c) => (
                <li key={c.id}>
                  {t('mode.facts.correction', { from: formatDateTime(c.from), to: formatDateTime(c.to), reason: c.reason, who: c.by?.name ?? t('mode.nobody'), at: formatDateTime(c.at) })}
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
    </dl>
  );
}
