import { useTranslation } from 'react-i18next';
import { formatDateTime, formatDuration } from '../../../shared/domain/shanghai-time';
import { useModeStatus } from './queries';
import './mode.css';
import { useNow } from '../../app/clock';

/** The band under the top bar: routine (green) or emergency since T0 with the elapsed time ticking (red). */
export function ModeBanner() {
  const { t } = useTranslation();
  const status = useModeStatus();
  const now = useNow();
  const s = status.data;
  if (!s) {
    return (
      <div className="mode-banner routine" data-testid="mode-banner">
        {status.isError ? t('mode.banner.unknown') : t('app.loading')}
      </div>
    );
  }
  if (s.mode === 'routine' || s.t0 === null) {
    return (
      <div className="mode-banner routine" data-testid="mode-banner">
        {t('app.mode.routine')}
      </div>
    );
  }
  return (
    <div className="mode-banner emergency" data-testid="mode-banner">
      <a href="#/mode">
        {t('app.mode.emergency')} · T0 {formatDateTime(s.t0)} · {t('mode.banner.elapsed', { time: formatDuration(now - s.t0, t('mode.daySuffix')) })}
      </a>
    </div>
  );
}
