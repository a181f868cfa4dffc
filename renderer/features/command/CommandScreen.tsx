import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../app/ErrorMessage';
import { confirmDiscard } from '../../app/unsavedChanges';
import { formatDateTime } from '../../../shared/domain/shanghai-time';
import { useCommandStructure, useCommandTemplate } from './queries';
import './command.css';
import { LeadersEditor } from './LeadersEditor';
import { WorkGroupEditor } from './WorkGroupEditor';
import { BaobaoEditor } from './BaobaoEditor';
import { ReadinessPanel } from './ReadinessPanel';
import type { CommandScope } from './scope';
import { useCanWrite } from '../desk/useCanWrite';
import { DeskNotice } from '../desk/DeskNotice';

/**
 * 指挥体系. In routine times: the template, activated at the switch. During an emergency: the live structure of that
 * emergency, completed and changed while it runs (each save logged); the template stays for the next one and can be
 * edited under its own tab.
 */
export function CommandScreen() {
  const { t } = useTranslation();
  const template = useCommandTemplate();
  const inForce = useCommandStructure();
  // Editing is a change: the forms stay readable but disabled while the desk would refuse it.
  const { canWrite } = useCanWrite();
  const emergency = inForce.data?.source === 'snapshot';
  const [tab, setTab] = useState<CommandScope>('live');
  const scope: CommandScope = emergency ? tab : 'template';
  const c = scope === 'live' ? inForce.data?.command : template.data;
  const failed = template.error ?? inForce.error;
  if (!c) return failed ? <ErrorMessage error={failed} /> : <div>{t('app.loading')}</div>;
  const choose = (next: CommandScope) => next !== tab && confirmDiscard() && setTab(next);
  return (
    <div className="command-screen stack" data-scope={scope}>
      <div className="row">
        <h1>{t('command.title')}</h1>
        {emergency && (
          <div className="scope-tabs" role="tablist">
            <button role="tab" aria-selected={scope === 'live'} className={scope === 'live' ? 'active' : ''} onClick={() => choose('live')} data-testid="scope-live">
              {t('command.live.tab')}
            </button>
            <button role="tab" aria-selected={scope === 'template'} className={scope === 'template' ? 'active' : ''} onClick={() => choose('template')}
              data-testid="scope-template">
              {t('command.live.templateTab')}
            </button>
          </div>
        )}
        <span className="spacer" />
        {c.updatedAt !== null && (
          <span className="muted small">{t('command.updated', { time: formatDateTime(c.updatedAt), who: c.updatedBy ?? '' })}</span>
        )}
        <a className="button" href="#/print/command" data-testid="print-command">{t('command.print')}</a>
      </div>
      {scope === 'live' && <div className="warning-box" data-testid="command-scope-note">{t('command.live.note')}</div>}
      {scope === 'template' && emergency && <div className="muted-box" data-testid="command-scope-note">{t('command.live.templateNote')}</div>}
      <DeskNotice />
      <div className="command-columns">
        <fieldset className="desk-fieldset stack" disabled={!canWrite}>
          <LeadersEditor leaders={c.leaders} scope={scope} />
          <section className="panel stack">
            <h2>{t('command.groups')}</h2>
            <div className="workgroup-grid">
              {/* A card resets its form when its own saved data changes, not when another one is saved. */}
              {c.groups.map((g) => <WorkGroupEditor key={`${scope}-${JSON.stringify(g)}`} group={g} scope={scope} />)}
            </div>
          </section>
          <BaobaoEditor rows={c.baobao} scope={scope} />
        </fieldset>
        {/* The gaps of the structure in force: the live one during an emergency. */}
        {scope === 'live' || !emergency ? <ReadinessPanel /> : <div />}
      </div>
    </div>
  );
}
