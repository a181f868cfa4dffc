import { useTranslation } from 'react-i18next';
import { useRoute } from '../../app/useRoute';
import { CommunityTable } from './CommunityTable';
import { CompoundTable } from './CompoundTable';
import { GridTable } from './GridTable';
import { TeamList } from './TeamList';
import { VenueTable } from './VenueTable';
import './street-data.css';

const tabs = ['communities', 'grids', 'compounds', 'venues', 'teams'] as const;
type Tab = (typeof tabs)[number];

/** "#/data/compounds?community=3" (or grids) -> the tab and its filter. Unknown paths show the communities. */
function parseDataRoute(route: string): { tab: Tab; communityId?: number } {
  const [path, query = ''] = route.split('?');
  const name = path.split('/')[2] ?? '';
  const tab = (tabs as readonly string[]).includes(name) ? (name as Tab) : 'communities';
  const id = Number(new URLSearchParams(query).get('community'));
  return { tab, communityId: Number.isInteger(id) && id > 0 ? id : undefined };
}

/** 街道数据: communities, grids, compounds, key venues and sampling teams as tables; imports and exports one click away. */
export function StreetDataScreen() {
  const { t } = useTranslation();
  const { tab, communityId } = parseDataRoute(useRoute());
  return (
    <div className="sd-screen">
      <div className="sd-head">
        <h1>{t('data.title')}</h1>
        <nav className="sd-tabs" role="tablist" aria-label={t('data.title')}>
          {tabs.map((k) => (
            <a key={k} href={`#/data/${k}`} role="tab" aria-selected={tab === k} className={tab === k ? 'active' : ''} data-testid={`tab-${k}`}>
              {t(`data.tabs.${k}`)}
            </a>
          ))}
        </nav>
        <span className="spacer" />
        <span className="muted sd-small">{t('data.importHint')}</span>
        <a className="sd-import" href="#/data/import" data-testid="import-export">
          {t('data.importExport')}
        </a>
      </div>
      {tab === 'communities' && <CommunityTable />}
      {tab === 'grids' && <GridTable communityId={communityId} />}
      {tab === 'compounds' && <CompoundTable communityId={communityId} />}
      {tab === 'venues' && <VenueTable />}
      {tab === 'teams' && <TeamList />}
    </div>
  );
}
