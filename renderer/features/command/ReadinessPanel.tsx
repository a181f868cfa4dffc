import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../app/ErrorMessage';
import { useCommandStructure, useReadiness } from './queries';
import { gapText } from './gapText';
import './command.css';

const SHOWN = 8;

/**
 * 应急准备: what would hurt on the day of the switch (a group without a lead, a community without its 包保,
 * a missing phone). Sits in the board's side panel and on the mode screen.
 */
export function ReadinessPanel() {
  const { t, i18n } = useTranslation();
  const readiness = useReadiness();
  // During an emergency the gaps are those of its live structure: what hurts now, not on the next switch.
  const live = useCommandStructure().data?.source === 'snapshot';
  const r = readiness.data;
  return (
    <section className="panel stack readiness-panel" data-testid="readiness-panel">
      <h2>{t(live ? 'command.readiness.liveTitle' : 'command.readiness.title')}</h2>
      <ErrorMessage error={readiness.error} />
      {r && r.ready && <div className="ok-box">{t('command.readiness.ready')}</div>}
      {r && !r.ready && (
        <>
          <div className="warning-box">{t('command.readiness.gaps', { count: r.gaps.length })}</div>
          <ul className="readiness-gaps">
            {r.gaps.slice(0, SHOWN).map((g, i) => (
              <li key={i} data-testid="readiness-gap" data-kind={g.kind}>
                <a href={g.kind === 'no_duty_today' ? '#/duty' : g.kind === 'checklist_empty' ? '#/mode' : '#/command'}>{gapText(g, t, i18n.language)}</a>
              </li>
            ))}
          </ul>
          {r.gaps.length > SHOWN && <a href="#/command" className="small">{t('command.readiness.more', { count: r.gaps.length - SHOWN })}</a>}
        </>
      )}
    </section>
  );
}
