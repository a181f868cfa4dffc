import { useTranslation } from 'react-i18next';
import { useDutyNow } from './queries';
import './duty.css';

/** The top bar's 当前班次 · 带班领导 with phone; a rostering gap says so. Links to the roster. */
export function DutyNowBadge() {
  const { t } = useTranslation();
  const duty = useDutyNow();
  if (duty.isPending || duty.isError) return null;
  const s = duty.data;
  if (!s) {
    return (
      <a href="#/duty" className="duty-now-badge missing" data-testid="duty-now">
        {t('duty.now.none')}
      </a>
    );
  }
  return (
    <a href="#/duty" className={`duty-now-badge${s.leader ? '' : ' missing'}`} data-testid="duty-now" title={`${s.date} ${s.start}–${s.end}`}>
      {t('duty.now.label')} <strong>{s.shiftName}</strong>
      {' · '}
      {s.leader ? (
        <>
          {t('duty.leader')} <strong>{s.leader.name}</strong>
          {s.leader.phone && <> {s.leader.phone}</>}
        </>
      ) : (
        t('duty.noLeader')
      )}
    </a>
  );
}
