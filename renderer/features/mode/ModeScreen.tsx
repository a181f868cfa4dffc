import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../app/ErrorMessage';
import { formatDateTime } from '../../../shared/domain/shanghai-time';
import { ReadinessPanel } from '../command/ReadinessPanel';
import { LogList } from '../log/LogList';
import { useApiQuery } from '../../app/queries';
import { useCanWrite } from '../desk/useCanWrite';
import { DeskNotice } from '../desk/DeskNotice';
import { useEmergency } from './queries';
import { isEnglish } from './names';
import { SwitchDialog } from './SwitchDialog';
import { SwitchBackDialog } from './SwitchBackDialog';
import { CorrectT0Dialog } from './CorrectT0Dialog';
import { DeadlineBoard } from './DeadlineBoard';
import { ActivationChecklist } from './ActivationChecklist';
import { ChecklistTemplateEditor } from './ChecklistTemplateEditor';
import { EmergencyFacts } from './EmergencyFacts';
import { ReportList } from './ReportList';

type Open = null | 'switch' | 'positive' | 'back' | 't0';

/** 平急转换: in routine the switch and what keeps emergency ready; in emergency the deadlines, checklist and reports. */
export function ModeScreen() {
  const { t, i18n } = useTranslation();
  const state = useEmergency();
  // The switch, reports, ticks and deadlines are changes: disabled, and said why, while the desk would refuse them.
  const { canWrite, hint } = useCanWrite();
  const log = useApiQuery('listLogEntries', { limit: 10 });
  const [open, setOpen] = useState<Open>(null);
  const s = state.data;
  if (!s) return state.isError ? <ErrorMessage error={state.error} /> : <div>{t('app.loading')}</div>;
  const en = isEnglish(i18n.language);
  const close = () => setOpen(null);

  const noOperator = <DeskNotice />;
  const title = hint || undefined;
  // The dialogs stay open when the mode changes underneath (another window switched): the user submits and reads
  // the server's clear answer instead of losing the form.
  const dialogs = (
    <>
      {open === 'switch' && canWrite && <SwitchDialog kind="switch" onClose={close} />}
      {open === 'positive' && canWrite && <SwitchDialog kind="positive" onClose={close} />}
      {open === 'back' && canWrite && <SwitchBackDialog onClose={close} />}
      {open === 't0' && canWrite && s.emergency && <CorrectT0Dialog t0={s.emergency.t0} onClose={close} />}
    </>
  );

  const e = s.emergency;
  // Both layouts sit in the same place, the dialogs after them, so a mode change keeps an open dialog mounted.
  const body =
    s.mode === 'routine' || !e ? (
      <div className="mode-screen stack">
        <section className="panel switch-panel stack">
          <h1>{t('mode.routineTitle')}</h1>
          <p className="muted">{t('mode.routineIntro', { profile: en ? s.activeProfile.nameEn : s.activeProfile.name })}</p>
          {noOperator}
          <div>
            <button className="switch-button" data-testid="open-switch" disabled={!canWrite} title={title} onClick={() => setOpen('switch')}>
              {t('mode.switch.button')}
            </button>
          </div>
          {s.lastSwitch && (
            <div className="muted small" data-testid="last-switch">
              {t(s.lastSwitch.to === 'routine' ? 'mode.lastSwitch.toRoutine' : 'mode.lastSwitch.toEmergency', {
                time: formatDateTime(s.lastSwitch.at),
                who: s.lastSwitch.by?.name ?? t('mode.nobody'),
                reason: s.lastSwitch.reason ?? '',
              })}
            </div>
          )}
        </section>
        <div className="mode-columns">
          <fieldset className="desk-fieldset" disabled={!canWrite}>
            <ChecklistTemplateEditor />
          </fieldset>
          <ReadinessPanel />
        </div>
      </div>
    ) : (
      <div className="mode-screen mode-columns emergency">
        <fieldset className="desk-fieldset stack" disabled={!canWrite}>
          <DeadlineBoard deadlines={e.deadlines} reports={e.reports} />
          <ActivationChecklist items={e.checklist} />
        </fieldset>
        <div className="stack">
          <section className="panel stack">
            <h2>{t('mode.emergencyTitle')}</h2>
            {noOperator}
            <EmergencyFacts emergency={e} />
            <div className="row">
              <button className="primary" data-testid="open-positive" disabled={!canWrite} title={title} onClick={() => setOpen('positive')}>{t('mode.positive.button')}</button>
              <button data-testid="open-correct-t0" disabled={!canWrite} title={title} onClick={() => setOpen('t0')}>{t('mode.t0.button')}</button>
              <a className="button" href="#/print/briefing" data-testid="open-briefing">{t('mode.printBriefing')}</a>
              <span className="spacer" />
              <button className="danger" data-testid="open-switch-back" disabled={!canWrite} title={title} onClick={() => setOpen('back')}>{t('mode.back.button')}</button>
            </div>
          </section>
          <section className="panel stack">
            <h2>{t('mode.reports.title', { count: e.reports.length })}</h2>
            <ReportList reports={e.reports} t0={e.t0} corrections={e.t0Corrections} />
          </section>
          <section className="panel stack">
            <h2>{t('mode.latestLog')} <a className="small" href="#/log">{t('mode.allLog')}</a></h2>
            <LogList entries={log.data?.rows ?? []} compact />
          </section>
        </div>
      </div>
    );
  return (
    <>
      {body}
      {dialogs}
    </>
  );
}
