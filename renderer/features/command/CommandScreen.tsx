import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../app/ErrorMessage';
import { formatDateTime } from '../../../shared/domain/shanghai-time';
import { useCommandStructure, useCommandTemplate } from './queries';
import './command.css';
import { LeadersEditor } from './LeadersEditor';
import { WorkGroupEditor } from './WorkGroupEditor';
import { BaobaoEditor } from './BaobaoEditor';
import { ReadinessPanel } from './ReadinessPanel';
import { CommandTables } from './CommandTables';
import { useCanWrite } from '../desk/useCanWrite';
import { DeskNotice } from '../desk/DeskNotice';

/** 指挥体系: the command structure template, edited in routine times and activated at the switch. */
export function CommandScreen() {
  const { t } = useTranslation();
  const template = useCommandTemplate();
  const inForce = useCommandStructure();
  // Editing the template is a change: the forms stay readable but disabled while the desk would refuse it.
  const { canWrite } = useCanWrite();
  const snapshot = inForce.data?.source === 'snapshot' ? inForce.data.command : null;
  const c = template.data;
  if (!c) return template.isError ? <ErrorMessage error={template.error} /> : <div>{t('app.loading')}</div>;
  return (
    <div className="command-screen stack">
      <div className="row">
        <h1>{t('command.title')}</h1>
        <span className="spacer" />
        {c.updatedAt !== null && (
          <span className="muted small">{t('command.updated', { time: formatDateTime(c.updatedAt), who: c.updatedBy ?? '' })}</span>
        )}
        <a className="button" href="#/print/command" data-testid="print-command">{t('command.print')}</a>
      </div>
      {snapshot && (
        <>
          <div className="warning-box">{t('command.emergencyNote')}</div>
          <section className="panel stack command-snapshot" data-testid="command-snapshot">
            <h2>{t('command.snapshotTitle')}</h2>
            <CommandTables command={snapshot} />
          </section>
        </>
      )}
      <DeskNotice />
      <div className="command-columns">
        <fieldset className="desk-fieldset stack" disabled={!canWrite}>
          <LeadersEditor leaders={c.leaders} />
          <section className="panel stack">
            <h2>{t('command.groups')}</h2>
            <div className="workgroup-grid">
              {/* A card resets its form when its own saved data changes, not when another one is saved. */}
              {c.groups.map((g) => <WorkGroupEditor key={JSON.stringify(g)} group={g} />)}
            </div>
          </section>
          <BaobaoEditor rows={c.baobao} />
        </fieldset>
        <ReadinessPanel />
      </div>
    </div>
  );
}
