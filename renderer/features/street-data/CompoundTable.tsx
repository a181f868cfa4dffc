import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ErrorMessage } from '../../app/ErrorMessage';
import type { CompoundDto } from '../../../shared/api/street';
import { CompoundForm } from './CompoundForm';
import { ConfirmDialog } from './ConfirmDialog';
import { CommunityFilter } from './CommunityFilter';
import { LastChange } from './LastChange';
import { RowActions } from './RowActions';
import { RowCount } from './RowCount';
import { SearchBox } from './SearchBox';
import { formatCount } from './format';
import { useCommunities, useCompounds, useGridNames } from './queries';
import { useDebouncedValue } from './useDebouncedValue';

/** 小区: compounds found on the server by code or name, filtered by community (kept in the address: ?community=ID). */
export function CompoundTable({ communityId }: { communityId?: number }) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatCount(v, i18n.language);
  const [search, setSearch] = useState('');
  const query = useDebouncedValue(search.trim());
  const list = useCompounds({ search: query, communityId });
  const communities = useCommunities();
  const gridNames = useGridNames();
  const [editing, setEditing] = useState<CompoundDto | 'new' | null>(null);
  const [deleting, setDeleting] = useState<CompoundDto | null>(null);
  const rows = list.data?.rows ?? [];

  return (
    <section className="sd-pane" data-testid="compound-table">
      <div className="sd-toolbar">
        <SearchBox value={search} onChange={setSearch} placeholder={t('data.search.compounds')} testId="compound-search" />
        <CommunityFilter tab="compounds" communityId={communityId} testId="compound-community-filter" />
        <RowCount total={list.data?.total ?? 0} shown={rows.length} busy={list.isPlaceholderData} />
        <span className="spacer" />
        <button className="primary" data-testid="add-compound" disabled={!communities.data?.length} onClick={() => setEditing('new')}>
          {t('data.add.compound')}
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
              <th>{t('data.col.grid')}</th>
              <th className="num">{t('data.col.buildings')}</th>
              <th className="num">{t('data.col.residents')}</th>
              <th className="num">{t('data.col.households')}</th>
              <th className="num">{t('data.col.elderly')}</th>
              <th>{t('data.col.boundary')}</th>
              <th>{t('data.col.changed')}</th>
              <th className="sd-actions-col">{t('data.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.id} data-code={p.code}>
                <td className="code">{p.code}</td>
                <td>{p.name}</td>
                <td>{p.communityName}</td>
                <td className={p.gridId === null ? 'muted' : ''}>{p.gridId === null ? '–' : (gridNames.data?.get(p.gridId) ?? (gridNames.isPending ? '…' : `#${p.gridId}`))}</td>
                <td className="num">{p.buildings === null ? <span className="muted">–</span> : n(p.buildings)}</td>
                <td className="num" data-col="residents" title={t('data.sourceTitle', { source: t(`data.source.${p.populationSource}`) })}>
                  <small className="source-tag" data-col="source">{t(`data.source.${p.populationSource}`)}</small>
                  {n(p.residents)}
                  {p.registerResidents !== null && (p.registerResidents !== p.residents || p.registerHouseholds !== p.households) && (
                    <small
                      className="register-diff"
                      data-col="register"
                      title={t('data.registerMismatch', { n: n(p.registerResidents), h: n(p.registerHouseholds ?? 0) })}
                    >
                      {t('data.registerCount', { n: n(p.registerResidents) })}
                    </small>
                  )}
                </td>
                <td className="num">{n(p.households)}</td>
                <td className="num">{n(p.elderly)}</td>
                <td className={p.boundary ? '' : 'muted'}>{p.boundary ? t('data.boundary.yes') : t('data.boundary.no')}</td>
                <LastChange at={p.updatedAt} by={p.updatedByName} />
                <RowActions onEdit={() => setEditing(p)} onDelete={() => setDeleting(p)} />
              </tr>
            ))}
            {rows.length === 0 && !list.isPending && (
              <tr><td colSpan={11} className="sd-empty">{query ? t('data.noMatch', { q: query }) : t(communityId ? 'data.empty' : 'data.noCompounds')}</td></tr>
            )}
          </tbody>
        </table>
      </div>
      {editing && (
        <CompoundForm
          compound={editing === 'new' ? undefined : editing}
          communities={communities.data ?? []}
          defaultCommunityId={communityId}
          onClose={() => setEditing(null)}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={t('data.delete.title.compound')}
          question={t('data.delete.question', { name: deleting.name, code: deleting.code })}
          consequences={[
            ...(deleting.residents > 0 ? [t('data.delete.residents', { n: n(deleting.residents), households: n(deleting.households) })] : []),
            t('data.delete.compoundVenues'),
          ]}
          confirmLabel={t('data.delete.confirm')}
          action={() => call('deleteCompound', { id: deleting.id })}
          onClose={() => setDeleting(null)}
        />
      )}
    </section>
  );
}
