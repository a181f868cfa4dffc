import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListPane, type ListColumn } from '../../app/ListPane';
import { useListSearch } from '../../app/useListSearch';
import type { VenueDto } from '../../../shared/api/street';
import { venueTypes, type VenueType } from '../../../shared/domain/venues';
import { VenueForm } from './VenueForm';
import { changedColumn, codeColumn, nameColumn } from './columns';
import { formatCoord, venueTypeLabel } from './format';
import { useVenues } from './queries';
import { useDeleteRow } from './useDeleteRow';

/** Indoor venues suspended inside risk areas: their type is marked in the table. */
const suspended = new Set<string>(venueTypes.filter((v) => v.suspendInRiskArea).map((v) => v.id));

/** 重点场所: key venues found on the server by code, name or address, filtered by type. */
export function VenueTable() {
  const { t, i18n } = useTranslation();
  const search = useListSearch();
  const [type, setType] = useState<VenueType | ''>('');
  const list = useVenues({ search: search.query, type: type || undefined });
  const remove = useDeleteRow<VenueDto>('venue');
  const orOutside = (v: string | null) => (v === null ? 'muted' : undefined);
  const columns: ListColumn<VenueDto>[] = [
    codeColumn(t),
    nameColumn(t),
    {
      header: t('data.col.type'),
      cell: (v) => (
        <span className={`sd-type${suspended.has(v.type) ? ' suspend' : ''}`} title={suspended.has(v.type) ? t('data.suspendHint') : undefined}>
          {venueTypeLabel(v.type, i18n.language)}
        </span>
      ),
    },
    { header: t('data.col.community'), className: (v) => orOutside(v.communityName), cell: (v) => v.communityName ?? t('data.outside') },
    { header: t('data.col.compound'), className: (v) => orOutside(v.compoundName), cell: (v) => v.compoundName ?? '–' },
    { header: t('data.col.address'), className: () => 'sd-clip', title: (v) => v.address ?? undefined, cell: (v) => v.address ?? '' },
    { header: t('data.col.contact'), cell: (v) => v.contact ?? '' },
    { header: t('data.col.lng'), kind: 'num', cell: (v) => formatCoord(v.lng) },
    { header: t('data.col.lat'), kind: 'num', cell: (v) => formatCoord(v.lat) },
    changedColumn(t),
  ];

  return (
    <ListPane
      testId="venue-table"
      columns={columns}
      rows={list.data?.rows ?? []}
      total={list.data?.total ?? 0}
      status={list}
      rowCode={(v) => v.code}
      search={{ ...search, placeholder: t('data.search.venues'), testId: 'venue-search' }}
      filters={
        <select value={type} aria-label={t('data.col.type')} data-testid="venue-type-filter" onChange={(e) => setType(e.target.value as VenueType | '')}>
          <option value="">{t('data.allTypes')}</option>
          {venueTypes.map((v) => (
            <option key={v.id} value={v.id}>{venueTypeLabel(v.id, i18n.language)}</option>
          ))}
        </select>
      }
      empty={t(type ? 'data.empty' : 'data.noVenues')}
      editor={{ addLabel: t('data.add.venue'), addTestId: 'add-venue', form: (v, close) => <VenueForm venue={v} onClose={close} /> }}
      remove={remove}
    />
  );
}
