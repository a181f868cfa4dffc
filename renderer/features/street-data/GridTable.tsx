import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ErrorMessage } from '../../app/ErrorMessage';
import type { GridDto } from '../../../shared/api/street';
import { ConfirmDialog } from './ConfirmDialog';
import { GridForm } from './GridForm';
import { CommunityFilter } from './CommunityFilter';
import { LastChange } from './LastChange';
import { RowActions } from './RowActions';
import { RowCount } from './RowCount';
import { SearchBox } from './SearchBox';
import { formatCount } from './format';
import { useCommunities, useGridList } from './queries';
import { useDebouncedValue } from './useDebouncedValue';

/** 网格: the grids of each community with their compounds count, filtered by community (kept in the address). */
export function GridTable({ communityId }: { communityId?: number }) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatCount(v, i18n.language);
  const [search, setSearch] = useState('');
  const query = useDebouncedValue(search.trim());
  const list = useGridList({ search: query, communityId });
  const communities = useCommunities();
  const [editing, setEditing] = useState<GridDto | 'new' | null>(null);
  const [deleting, setDeleting] = useState<GridDto | null>(null);
  const rows = list.data ?? [];

  return (
    <section className="sd-pane" data-testid="grid-table">
      <div className="sd-toolbar">
        <SearchBox value={search} onChange={setSearch} placeholder={t('data.search.grids')} testId="grid-search" />
        <CommunityFilter tab="grids" communityId={communityId} testId="grid-community-filter" />
        <RowCount total={rows.length} shown={rows.length} busy={list.isPlaceholderData} />
        <span className="spacer" />
        <button className="primary" data-testid="add-grid" disabled={!communities.data?.length} onClick={() => setEditing('new')}>
          {t('data.add.grid')}
        </button>
      </div>
      <ErrorMessage error={list.error} />
      <div className="sd-table-wrap">
        <table className="data sd-table">
          <thead>
            <tr>
              <th className="code-col">{t('data.col.code')}</th>
              <th>{t('data.col.name')}</th>
              <th>{t('data.col.community')}</th>
              <th className="num">{t('data.col.compounds')}</th>
              <th>{t('data.col.changed')}</th>
              <th className="sd-actions-col">{t('data.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((g) => (
              <tr key={g.id} data-code={g.code}>
                <td className="code">{g.code}</td>
                <td>{g.name}</td>
                <td>{g.communityName}</td>
                <td className="num" data-col="compounds">
                  {g.compounds > 0 ? (
                    <a href={`#/data/compounds?community=${g.communityId}`} title={t('data.showCompounds')}>{n(g.compounds)}</a>
                  ) : (
                    <span className="muted">0</span>
                  )}
                </td>
                <LastChange at={g.updatedAt} by={g.updatedByName} />
                <RowActions onEdit={() => setEditing(g)} onDelete={() => setDeleting(g)} />
              </tr>
            ))}
            {rows.length === 0 && !list.isPending && (
              <tr><td colSpan={6} className="sd-empty">{query ? t('data.noMatch', { q: query }) : t('data.noGrids')}</td></tr>
            )}
          </tbody>
        </table>
      </div>
      {editing && (
        <GridForm
          grid={editing === 'new' ? undefined : editing}
          communities={communities.data ?? []}
          defaultCommunityId={communityId}
          onClose={() => setEditing(null)}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={t('data.delete.title.grid')}
          question={t('data.delete.question', { name: deleting.name, code: deleting.code })}
          consequences={[deleting.compounds > 0 ? t('data.delete.gridCompounds', { n: n(deleting.compounds) }) : t('data.delete.gridEmpty')]}
          confirmLabel={t('data.delete.confirm')}
          action={() => call('deleteGrid', { id: deleting.id })}
          onClose={() => setDeleting(null)}
        />
      )}
    </section>
  );
}
