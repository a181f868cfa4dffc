import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ErrorMessage } from '../../app/ErrorMessage';
import type { VenueDto } from '../../../shared/api/street';
import { venueTypes, type VenueType } from '../../../shared/domain/venues';
import { ConfirmDialog } from './ConfirmDialog';
import { LastChange } from './LastChange';
import { RowActions } from './RowActions';
import { RowCount } from './RowCount';
import { SearchBox } from './SearchBox';
import { VenueForm } from './VenueForm';
import { formatCoord, venueTypeLabel } from './format';
import { useVenues } from './queries';
import { useDebouncedValue } from './useDebouncedValue';

/** 重点场所: key venues found on the server by code, name or address, filtered by type. */
export function VenueTable() {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState('');
  const [type, setType] = useState<VenueType | ''>('');
  const query = useDebouncedValue(search.trim());
  const list = useVenues({ search: query, type: type || undefined });
  const [editing, setEditing] = useState<VenueDto | 'new' | null>(null);
  const [deleting, setDeleting] = useState<VenueDto | null>(null);
  const rows = list.data?.rows ?? [];
  const suspended = new Set<string>(venueTypes.filter((v) => v.suspendInRiskArea).map((v) => v.id));

  return (
    <section className="sd-pane" data-testid="venue-table">
      <div className="sd-toolbar">
        <SearchBox value={search} onChange={setSearch} placeholder={t('data.search.venues')} testId="venue-search" />
        <select value={type} aria-label={t('data.col.type')} data-testid="venue-type-filter" onChange={(e) => setType(e.target.value as VenueType | '')}>
          <option value="">{t('data.allTypes')}</option>
          {venueTypes.map((v) => (
            <option key={v.id} value={v.id}>{venueTypeLabel(v.id, i18n.language)}</option>
          ))}
        </select>
        <RowCount total={list.data?.total ?? 0} shown={rows.length} busy={list.isPlaceholderData} />
        <span className="spacer" />
        <button className="primary" data-testid="add-venue" onClick={() => setEditing('new')}>{t('data.add.venue')}</button>
      </div>
      <ErrorMessage error={list.error} />
      <div className="sd-table-wrap">
        <table className="data sd-table">
          <thead>
            <tr>
              <th className="code-col">{t('data.col.code')}</th>
              <th>{t('data.col.name')}</th>
              <th>{t('data.col.type')}</th>
              <th>{t('data.col.community')}</th>
              <th>{t('data.col.compound')}</th>
              <th>{t('data.col.address')}</th>
              <th>{t('data.col.contact')}</th>
              <th className="num">{t('data.col.lng')}</th>
              <th className="num">{t('data.col.lat')}</th>
              <th>{t('data.col.changed')}</th>
              <th className="sd-actions-col">{t('data.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((v) => (
              <tr key={v.id} data-code={v.code}>
                <td className="code">{v.code}</td>
                <td>{v.name}</td>
                <td>
                  <span className={`sd-type${suspended.has(v.type) ? ' suspend' : ''}`} title={suspended.has(v.type) ? t('data.suspendHint') : undefined}>
                    {venueTypeLabel(v.type, i18n.language)}
                  </span>
                </td>
                <td className={v.communityName === null ? 'muted' : ''}>{v.communityName ?? t('data.outside')}</td>
                <td className={v.compoundName === null ? 'muted' : ''}>{v.compoundName ?? '–'}</td>
                <td className="sd-clip" title={v.address ?? undefined}>{v.address ?? ''}</td>
                <td>{v.contact ?? ''}</td>
                <td className="num">{formatCoord(v.lng)}</td>
                <td className="num">{formatCoord(v.lat)}</td>
                <LastChange at={v.updatedAt} by={v.updatedByName} />
                <RowActions onEdit={() => setEditing(v)} onDelete={() => setDeleting(v)} />
              </tr>
            ))}
            {rows.length === 0 && !list.isPending && (
              <tr><td colSpan={11} className="sd-empty">{query ? t('data.noMatch', { q: query }) : t(type ? 'data.empty' : 'data.noVenues')}</td></tr>
            )}
          </tbody>
        </table>
      </div>
      {editing && <VenueForm venue={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
      {deleting && (
        <ConfirmDialog
          title={t('data.delete.title.venue')}
          question={t('data.delete.question', { name: deleting.name, code: deleting.code })}
          consequences={[]}
          confirmLabel={t('data.delete.confirm')}
          action={() => call('deleteVenue', { id: deleting.id })}
          onClose={() => setDeleting(null)}
        />
      )}
    </section>
  );
}
