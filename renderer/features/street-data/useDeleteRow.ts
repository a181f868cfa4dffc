import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import type { ListRemove } from '../../app/ListPane';

const deleters = {
  community: (id: number) => call('deleteCommunity', { id }),
  grid: (id: number) => call('deleteGrid', { id }),
  compound: (id: number) => call('deleteCompound', { id }),
  venue: (id: number) => call('deleteVenue', { id }),
};

/** Deleting a street-data row: "确定删除“name”（code）吗？", what goes with it, the API call (which refreshes what it invalidates, renderer/api.ts). */
export function useDeleteRow<T extends { id: number; name: string; code: string }>(
  kind: keyof typeof deleters,
  consequences?: (row: T) => string[],
): ListRemove<T> {
  const { t } = useTranslation();
  return {
    title: t(`data.delete.title.${kind}`),
    question: (row) => t('data.delete.question', { name: row.name, code: row.code }),
    consequences,
    run: (row) => deleters[kind](row.id),
  };
}
