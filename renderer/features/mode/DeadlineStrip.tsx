import { useTranslation } from 'react-i18next';
import { byUrgency, urgencyOf } from './urgency';
import { useModeStatus } from './queries';
import { useNow } from '../../app/clock';
import { Countdown } from './Countdown';
import { deadlineName } from './names';
import { SHORTCUT_LABEL } from './deadlineShortcut';

const SHOWN = 4;

/** The most urgent open deadlines, on every screen while in emergency (under the mode banner). */
export function DeadlineStrip() {
  const { t, i18n } = useTranslation();
  const status = useModeStatus();
  const now = useNow();
  const s = status.data;
  if (!s || s.mode !== 'emergency') return null;
  const open = byUrgency(s.urgent.filter((d) => d.doneAt === null)).slice(0, SHOWN);
  return (
    <div className="deadline-strip" data-testid="deadline-strip">
      <a href="#/mode" className="deadline-strip-label">
        {t('mode.strip.label')} <kbd className="shortcut-hint small" title={t('mode.shortcut.hint')}>{SHORTCUT_LABEL}</kbd>
      </a>
      {open.length === 0 && <span className="deadline-chip urgency-done">{t('mode.strip.allDone')}</span>}
      {open.map((d) => (
        <a key={d.id} href="#/mode" className={`deadline-chip urgency-${urgencyOf(d, now)}`} data-testid="deadline-chip">
          <strong>{deadlineName(d, i18n.language)}</strong>
          <Countdown deadline={d} now={now} />
        </a>
      ))}
    </div>
  );
}
