import { useTranslation } from 'react-i18next';
import { ListPane, type ListColumn } from '../../app/ListPane';
import { formatCount } from '../../app/formatCount';
import { useListSearch } from '../../app/useListSearch';
import type { GridDto } from '../../../shared/api/street';
import { GridForm } from './GridForm';
import { CommunityFilter } from './CommunityFilter';
import { changedColumn, codeColumn, nameColumn } from './columns';
import { useCommunities, useGridList } from './queries';
import { useDeleteRow } from './useDeleteRow';

/** 网格: the grids of each community with their compounds count, filtered by community (kept in the address). */
export function GridTable({ communityId }: { communityId?: number }) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatCount(v, i18n.language);
  const search = useListSearch();
  const list = useGridList({ search: search.query, communityId });
  const communities = useCommunities();
  const remove = useDeleteRow<GridDto>('grid', (g) => [
    g.compounds > 0 ? t('data.delete.gridCompounds', { n: n(g.compounds) }) : t('data.delete.gridEmpty'),
  ]);
  const columns: ListColumn<GridDto>[] = [
    codeColumn(t),
    nameColumn(t),
    { header: t('data.col.community'), cell: (g) => g.communityName },
    {
      header: t('data.col.compounds'),
      kind: 'num',
      id: 'compounds',
      cell: (g) =>
        g.compounds > 0 ? (
          <a href={`#/data/compounds?community=${g.communityId}`} title={t('data.showCompounds')}>{n(g.compounds)}</a>
        ) : (
          <span className="muted">0</span>
        ),
    },
    changedColumn(t),
  ];

  return (
    <ListPane
      testId="grid-table"
      columns={columns}
      rows={list.data ?? []}
      status={list}
      rowCode={(g) => g.code}
      search={{ ...search, placeholder: t('data.search.grids'), testId: 'grid-search' }}
      filters={<CommunityFilter tab="grids" communityId={communityId} testId="grid-community-filter" />}
      empty={t('data.noGrids')}
      editor={{
        addLabel: t('data.add.grid'),
        addTestId: 'add-grid',
        canAdd: Boolean(communities.data?.length),
        form: (g, close) => <GridForm grid={g} communities={communities.data ?? []} defaultCommunityId={communityId} onClose={close} />,
      }}
      remove={remove}
    />
  );
}
