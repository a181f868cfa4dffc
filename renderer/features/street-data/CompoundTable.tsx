import { useTranslation } from 'react-i18next';
import { ListPane, type ListColumn } from '../../app/ListPane';
import { formatCount } from '../../app/formatCount';
import { useListSearch } from '../../app/useListSearch';
import type { CompoundDto } from '../../../shared/api/street';
import { CompoundForm } from './CompoundForm';
import { CommunityFilter } from './CommunityFilter';
import { boundaryColumn, changedColumn, codeColumn, nameColumn } from './columns';
import { useCommunities, useCompounds, useGridNames } from './queries';
import { useDeleteRow } from './useDeleteRow';

/** 小区: compounds found on the server by code or name, filtered by community (kept in the address: ?community=ID). */
export function CompoundTable({ communityId }: { communityId?: number }) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatCount(v, i18n.language);
  const search = useListSearch();
  const list = useCompounds({ search: search.query, communityId });
  const communities = useCommunities();
  const gridNames = useGridNames();
  const remove = useDeleteRow<CompoundDto>('compound', (p) => [
    ...(p.residents > 0 ? [t('data.delete.residents', { n: n(p.residents), households: n(p.households) })] : []),
    t('data.delete.compoundVenues'),
  ]);
  const gridName = (id: number) => gridNames.data?.get(id) ?? (gridNames.isPending ? '…' : `#${id}`);
  const columns: ListColumn<CompoundDto>[] = [
    codeColumn(t),
    nameColumn(t),
    { header: t('data.col.community'), cell: (p) => p.communityName },
    { header: t('data.col.grid'), className: (p) => (p.gridId === null ? 'muted' : undefined), cell: (p) => (p.gridId === null ? '–' : gridName(p.gridId)) },
    { header: t('data.col.buildings'), kind: 'num', cell: (p) => (p.buildings === null ? <span className="muted">–</span> : n(p.buildings)) },
    { header: t('data.col.residents'), kind: 'num', id: 'residents', cell: (p) => n(p.residents) },
    { header: t('data.col.households'), kind: 'num', cell: (p) => n(p.households) },
    { header: t('data.col.elderly'), kind: 'num', cell: (p) => n(p.elderly) },
    { header: t('data.col.populationSource'), id: 'population-source', cell: (p) => <PopulationSourceCell compound={p} /> },
    boundaryColumn(t),
    changedColumn(t),
  ];

  return (
    <ListPane
      testId="compound-table"
      columns={columns}
      rows={list.data?.rows ?? []}
      total={list.data?.total ?? 0}
      status={list}
      rowCode={(p) => p.code}
      search={{ ...search, placeholder: t('data.search.compounds'), testId: 'compound-search' }}
      filters={<CommunityFilter tab="compounds" communityId={communityId} testId="compound-community-filter" />}
      empty={t(communityId ? 'data.empty' : 'data.noCompounds')}
      editor={{
        addLabel: t('data.add.compound'),
        addTestId: 'add-compound',
        canAdd: Boolean(communities.data?.length),
        form: (p, close) => <CompoundForm compound={p} communities={communities.data ?? []} defaultCommunityId={communityId} onClose={close} />,
      }}
      remove={remove}
    />
  );
}

/** Where the compound's figures come from, and the register's count where it differs from them (不漏一户). */
function PopulationSourceCell({ compound: p }: { compound: CompoundDto }) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatCount(v, i18n.language);
  const differs = p.registerResidents !== null && (p.registerResidents !== p.residents || p.registerHouseholds !== p.households);
  return (
    <>
      <span className="source-tag" data-col="source" title={t('data.sourceTitle', { source: t(`data.source.${p.populationSource}`) })}>
        {t(`data.source.${p.populationSource}`)}
      </span>
      {differs && (
        <span className="register-diff" data-col="register" title={t('data.registerMismatch', { n: n(p.registerResidents!), h: n(p.registerHouseholds ?? 0) })}>
          {t('data.registerCount', { n: n(p.registerResidents!) })}
        </span>
      )}
    </>
  );
}
