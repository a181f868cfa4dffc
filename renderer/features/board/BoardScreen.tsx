import { useTranslation } from 'react-i18next';
import { StreetMap } from '../../map/StreetMap';
import { StreetTotals } from './StreetTotals';
import { CommunityTable } from './CommunityTable';
import { ReadinessPanel } from '../command/ReadinessPanel';
import { RiskTotalsPanel } from '../risk-areas/RiskTotalsPanel';
import './board.css';

/** 态势总览: the street map in the centre, street totals beside it. (The mode banner sits above, in App.) */
export function BoardScreen() {
  const { t } = useTranslation();
  return (
    <div className="board" data-testid="board">
      <div className="board-map">
        <StreetMap />
      </div>
      <aside className="board-side">
        {/*
          SLOT — readiness gaps and deadlines (战备缺口与时限). A later feature renders its panel here,
          at the top of the side panel, above the totals. Empty slots take no space (board.css: .board-slot:empty).
        */}
        <div className="board-slot" data-slot="readiness" data-testid="board-slot-readiness">
          <ReadinessPanel />
        </div>
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
