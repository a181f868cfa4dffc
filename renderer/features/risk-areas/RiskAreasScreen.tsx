import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../app/queries';
import { StreetMap } from '../../map/StreetMap';
import { DraftPanel } from './DraftPanel';
import { DrawToolbar } from './DrawToolbar';
import { hasDraft, useRiskDraft } from './draftStore';
import { LiftCalendar } from './LiftCalendar';
import { PublishDeadline } from './PublishDeadline';
import { RiskAreaEditor } from './RiskAreaEditor';
import { RiskAreaFiles } from './RiskAreaFiles';
import { RiskAreaList } from './RiskAreaList';
import { RiskAreaPanel } from './RiskAreaPanel';
import { useCanWrite } from '../desk/useCanWrite';
import { DeskNotice } from '../desk/DeskNotice';
import './RiskAreaLayer';
import './risk-areas.css';

/**
 * 风险区: the street map with the drawing tools (draw, pick compounds, edit, move) on the left; on the right the
 * unsaved area with its live figures, the list of areas, the selected area's panel and the calendar of lifting dates.
 */
export function RiskAreasScreen() {
  const { t } = useTranslation();
  const [showEnded, setShowEnded] = useState(false);
  const list = useApiQuery('listRiskAreas', showEnded ? { includeEnded: true } : {});
  const selectedId = useRiskDraft((s) => s.selectedId);
  const drafting = useRiskDraft(hasDraft);
  const data = list.data;
  const emergency = !!data?.profile;
  // Drawing, importing and every step of an area are changes: offered to a signed-in desk only (issue 9).
  const { canWrite } = useCanWrite();

  // Leaving the screen forgets the unsaved shape: the editor's layers leave with the map.
  useEffect(() => () => useRiskDraft.getState().clearDraft(), []);

  return (
    <div className="risk-screen" data-testid="risk-screen">
      <div className="risk-map">
        <StreetMap>
          <RiskAreaEditor />
        </StreetMap>
      </div>
      <aside className="risk-side">
        <section className="panel stack">
          <div className="row">
            <h2>{t('risk.title')}</h2>
            <span className="spacer" />
            {data?.profile && <span className="muted small">{data.profile.name}</span>}
          </div>
          <PublishDeadline />
          <DeskNotice />
          <DrawToolbar enabled={emergency && canWrite} />
          <RiskAreaFiles canImport={emergency && canWrite} />
        </section>
        <fieldset className="desk-fieldset stack" disabled={!canWrite}>
          {data && drafting && <DraftPanel list={data} />}
          {data && selectedId !== null && <RiskAreaPanel key={selectedId} id={selectedId} levels={data.levels} profile={data.profile} />}
        </fieldset>
        <RiskAreaList list={data} status={list} showEnded={showEnded} onShowEnded={setShowEnded} />
        {emergency && data && <LiftCalendar levels={data.levels} />}
      </aside>
    </div>
  );
}
