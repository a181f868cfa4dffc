import { useTranslation } from 'react-i18next';
import { ListPane, type ListColumn } from '../../app/ListPane';
import { formatCount } from '../../app/formatCount';
import { useListSearch } from '../../app/useListSearch';
import type { CommunityDto } from '../../../shared/api/street';
import { CommunityForm } from './CommunityForm';
import { boundaryColumn, changedColumn, codeColumn, nameColumn } from './columns';
import { formatShare } from './format';
import { useCommunities } from './queries';
import { useDeleteRow } from './useDeleteRow';

type Summed = 'compounds' | 'residents' | 'households' | 'elderly';

/** 社区: every community with its compounds and population base, and a total row. */
export function CommunityTable() {
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatCount(v, i18n.language);
  const search = useListSearch();
  const list = useCommunities(search.query);
  const rows = list.data ?? [];
  const sum = (k: Summed) => rows.reduce((s, r) => s + r[k], 0);
  const remove = useDeleteRow<CommunityDto>('community', (c) => [
    ...(c.compounds > 0 ? [t('data.delete.communityCompounds', { n: n(c.compounds) })] : []),
    ...(c.residents > 0 ? [t('data.delete.residents', { n: n(c.residents), households: n(c.households) })] : []),
    t('data.delete.communityGrids'),
    t('data.delete.communityVenues'),
  ]);
  const count = (header: string, k: Summed): ListColumn<CommunityDto> => ({ header, kind: 'num', cell: (c) => n(c[k]) });
  const columns: ListColumn<CommunityDto>[] = [
    codeColumn(t),
    nameColumn(t),
    {
      header: t('data.col.compounds'),
      kind: 'num',
      cell: (c) => <a href={`#/data/compounds?community=${c.id}`} title={t('data.showCompounds')}>{n(c.compounds)}</a>,
    },
    count(t('data.col.residents'), 'residents'),
    count(t('data.col.households'), 'households'),
    count(t('data.col.elderly'), 'elderly'),
    { header: t('data.col.elderlyShare'), kind: 'num', className: () => 'muted', cell: (c) => formatShare(c.elderly, c.residents) },
    boundaryColumn(t),
    changedColumn(t),
  ];

  return (
    <ListPane
      testId="community-table"
      columns={columns}
      rows={rows}
      status={list}
      rowCode={(c) => c.code}
      search={{ ...search, placeholder: t('data.search.communities'), testId: 'community-search' }}
      empty={t('data.noCommunities')}
      foot={rows.length > 1 && (
        <tr>
          <td colSpan={2}>{search.query ? t('data.subtotal') : t('data.total')}</td>
          <td className="num">{n(sum('compounds'))}</td>
          <td className="num">{n(sum('residents'))}</td>
          <td className="num">{n(sum('households'))}</td>
          <td className="num">{n(sum('elderly'))}</td>
          <td className="num muted">{formatShare(sum('elderly'), sum('residents'))}</td>
          <td colSpan={3} />
        </tr>
      )}
      editor={{
        addLabel: t('data.add.community'),
        addTestId: 'add-community',
        form: (c, close) => <CommunityForm community={c} onClose={close} />,
      }}
      remove={remove}
    />
  );
}
