import { useTranslation } from 'react-i18next';
import { StreetMap } from '../../map/StreetMap';
import { StreetTotals } from './StreetTotals';
import { CommunityTable } from './CommunityTable';
import { ReadinessPanel } from '../command/ReadinessPanel';
import { RiskTotalsPanel } from '../risk-areas/RiskTotalsPanel';
import { useEmergency } from '../mode/queries';
import { IncidentPanel } from './IncidentPanel';
import { IncidentSurroundings } from './IncidentSurroundings';
import './incidentLayer';
import './board.css';

/**
 * 态势总览: the street map in the centre, street totals beside it. (The mode banner sits above, in App.)
 * In an emergency the board belongs to the incident: the map pins the reports and outlines their compounds (the
 * 'incident' map layer), the side panel opens with the deadlines, their owners and the reports where the readiness
 * panel sits in routine times, then the compounds of the incident with their population and key venues around.
 */
export function BoardScreen() {
  const { t } = useTranslation();
  const state = useEmergency();
  const e = state.data?.emergency ?? null;
  return (
    <div className={e ? 'board emergency' : 'board'} data-testid="board">
      <div className="board-map">
        <StreetMap />
      </div>
      <aside className="board-side">
        {/*
          SLOT — readiness gaps and deadlines (战备缺口与时限): in routine times the readiness panel, in an
          emergency the incident's deadlines and reports. Empty slots take no space (board.css: .board-slot:empty).
        */}
        <div className="board-slot" data-slot="readiness" data-testid="board-slot-readiness">
          {state.isPending ? null : e ? <IncidentPanel emergency={e} /> : <ReadinessPanel />}
        </div>
        {e && <IncidentSurroundings reports={e.reports} />}
        <div className="board-actions">
          <a className="button" href="#/print/street-map" data-testid="print-street-map">{t('board.printMap')}</a>
        </div>
        <RiskTotalsPanel />
        <StreetTotals />
        <CommunityTable />
      </aside>
    </div>
  );
}
