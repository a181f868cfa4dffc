import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ErrorMessage } from '../../app/ErrorMessage';
import type { CommunityDto } from '../../../shared/api/street';
import { CommunityForm } from './CommunityForm';
import { ConfirmDialog } from './ConfirmDialog';
import { LastChange } from './LastChange';
import { RowActions } from './RowActions';
import { RowCount } from './RowCount';
import { SearchBox } from './SearchBox';
import { formatCount, formatShare } from './format';
import { useCommunities } from './queries';
import { useDebouncedValue } from './useDebouncedValue';

/** 社区: every community with its compounds and population base, and a total row. */
export function CommunityTable() {
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatCount(v, i18n.language);
  const [search, setSearch] = useState('');
  const query = useDebouncedValue(search.trim());
  const list = useCommunities(query);
  const [editing, setEditing] = useState<CommunityDto | 'new' | null>(null);
  const [deleting, setDeleting] = useState<CommunityDto | null>(null);
  const rows = list.data ?? [];
  const sum = (k: 'compounds' | 'residents' | 'households' | 'elderly') => rows.reduce((s, r) => s + r[k], 0);

  return (
    <section className="sd-pane" data-testid="community-table">
      <div className="sd-toolbar">
        <SearchBox value={search} onChange={setSearch} placeholder={t('data.search.communities')} testId="community-search" />
        <RowCount total={rows.length} shown={rows.length} busy={list.isPlaceholderData} />
        <span className="spacer" />
        <button className="primary" data-testid="add-community" onClick={() => setEditing('new')}>{t('data.add.community')}</button>
      </div>
      <ErrorMessage error={list.error} />
      <div className="sd-table-wrap">
        <table className="data sd-table">
          <thead>
            <tr>
              <th className="code-col">{t('data.col.code')}</th>
              <th>{t('data.col.name')}</th>
              <th className="num">{t('data.col.compounds')}</th>
              <th className="num">{t('data.col.residents')}</th>
              <th className="num">{t('data.col.households')}</th>
              <th className="num">{t('data.col.elderly')}</th>
              <th className="num">{t('data.col.elderlyShare')}</th>
              <th>{t('data.col.boundary')}</th>
              <th>{t('data.col.changed')}</th>
              <th className="sd-actions-col">{t('data.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.id} data-code={c.code}>
                <td className="code">{c.code}</td>
                <td>{c.name}</td>
                <td className="num">
                  <a href={`#/data/compounds?community=${c.id}`} title={t('data.showCompounds')}>{n(c.compounds)}</a>
                </td>
                <td className="num">{n(c.residents)}</td>
                <td className="num">{n(c.households)}</td>
                <td className="num">{n(c.elderly)}</td>
                <td className="num muted">{formatShare(c.elderly, c.residents)}</td>
                <td className={c.boundary ? '' : 'muted'}>{c.boundary ? t('data.boundary.yes') : t('data.boundary.no')}</td>
                <LastChange at={c.updatedAt} by={c.updatedByName} />
                <RowActions onEdit={() => setEditing(c)} onDelete={() => setDeleting(c)} />
              </tr>
            ))}
            {rows.length === 0 && !list.isPending && (
              <tr><td colSpan={10} className="sd-empty">{query ? t('data.noMatch', { q: query }) : t('data.noCommunities')}</td></tr>
            )}
          </tbody>
          {rows.length > 1 && (
            <tfoot>
              <tr>
                <td colSpan={2}>{query ? t('data.subtotal') : t('data.total')}</td>
                <td className="num">{n(sum('compounds'))}</td>
                <td className="num">{n(sum('residents'))}</td>
                <td className="num">{n(sum('households'))}</td>
                <td className="num">{n(sum('elderly'))}</td>
                <td className="num muted">{formatShare(sum('elderly'), sum('residents'))}</td>
                <td colSpan={3} />
              </tr>
            </tfoot>
          )}
        </table>
      </div>
      {editing && <CommunityForm community={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
      {deleting && (
        <ConfirmDialog
          title={t('data.delete.title.community')}
          question={t('data.delete.question', { name: deleting.name, code: deleting.code })}
          consequences={[
            ...(deleting.compounds > 0 ? [t('data.delete.communityCompounds', { n: n(deleting.compounds) })] : []),
            ...(deleting.residents > 0 ? [t('data.delete.residents', { n: n(deleting.residents), households: n(deleting.households) })] : []),
            t('data.delete.communityGrids'),
            t('data.delete.communityVenues'),
          ]}
          confirmLabel={t('data.delete.confirm')}
          action={() => call('deleteCommunity', { id: deleting.id })}
          onClose={() => setDeleting(null)}
        />
      )}
    </section>
  );
}
