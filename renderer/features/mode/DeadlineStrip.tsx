import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../app/queries';
import { formatTime } from '../../../shared/domain/shanghai-time';
import { byUrgency, urgencyOf } from './urgency';
import { REFRESH_MS, useModeStatus } from './queries';
import { useNow } from '../../app/clock';
import { Countdown } from './Countdown';
import { deadlineName } from './names';
import { SHORTCUT_LABEL } from './deadlineShortcut';

const SHOWN = 4;

/**
 * The most urgent open deadlines, on every screen while in emergency (under the mode banner). Two clocks of the same
 * kind (the online report of two positives) say which report each belongs to: its place and time.
 */
export function DeadlineStrip() {
  const { t, i18n } = useTranslation();
  const status = useModeStatus();
  const now = useNow();
  const s = status.data;
  const open = s?.mode === 'emergency' ? byUrgency(s.urgent.filter((d) => d.doneAt === null)).slice(0, SHOWN) : [];
  const keys = open.map((d) => d.key);
  const twice = new Set(keys.filter((k, i) => keys.indexOf(k) !== i));
  // The reports are read only when two chips need telling apart.
  const emergency = useApiQuery('getEmergency', {}, { enabled: twice.size > 0, refetchInterval: REFRESH_MS });
  if (!s || s.mode !== 'emergency') return null;
  const reportOf = (id: number | null) => (id === null ? undefined : emergency.data?.emergency?.reports.find((r) => r.id === id));
  return (
    <div className="deadline-strip" data-testid="deadline-strip">
      <a href="#/mode" className="deadline-strip-label">
        {t('mode.strip.label')} <kbd className="shortcut-hint small" title={t('mode.shortcut.hint')}>{SHORTCUT_LABEL}</kbd>
      </a>
      {open.length === 0 && <span className="deadline-chip urgency-done">{t('mode.strip.allDone')}</span>}
      {open.map((d) => {
        const report = twice.has(d.key) ? reportOf(d.reportId) : undefined;
        return (
          <a key={d.id} href="#/mode" className={`deadline-chip urgency-${urgencyOf(d, now)}`} data-testid="deadline-chip">
            <strong>{deadlineName(d, i18n.language)}</strong>
            {report && (
              <span className="deadline-chip-report" data-testid="deadline-chip-report">
                {t('mode.strip.forReport', { place: report.place, time: formatTime(report.reportedAt) })}
              </span>
            )}
            <Countdown deadline={d} now={now} />
          </a>
        );
      })}
    </div>
  );
}
