import type { TFunction } from 'i18next';
import type { ListColumn } from '../../app/ListPane';
import { formatDateTime } from '../../../shared/domain/shanghai-time';
import { LastChange } from './LastChange';

/** Columns every street-data table shows the same way. */

export function codeColumn<T extends { code: string }>(t: TFunction): ListColumn<T> {
  return { header: t('data.col.code'), kind: 'code', cell: (r) => r.code };
}

export function nameColumn<T extends { name: string }>(t: TFunction): ListColumn<T> {
  return { header: t('data.col.name'), cell: (r) => r.name };
}

/** Whether an outline is on file (drawn on the map or imported). */
export function boundaryColumn<T extends { boundary: unknown }>(t: TFunction): ListColumn<T> {
  return {
    header: t('data.col.boundary'),
    className: (r) => (r.boundary ? undefined : 'muted'),
    cell: (r) => (r.boundary ? t('data.boundary.yes') : t('data.boundary.no')),
  };
}

/** 最后修改, with the full date and who on hover. */
export function changedColumn<T extends { updatedAt: number; updatedByName: string | null }>(t: TFunction): ListColumn<T> {
  return {
    header: t('data.col.changed'),
    id: 'changed',
    className: () => 'sd-changed',
    title: (r) => `${formatDateTime(r.updatedAt)} · ${r.updatedByName ?? t('data.col.changedNobody')}`,
    cell: (r) => <LastChange at={r.updatedAt} by={r.updatedByName} />,
  };
}
