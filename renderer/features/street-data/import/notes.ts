import type { TFunction } from 'i18next';
import type { ImportNote } from '../../../../shared/api/imports';

/** "第 9 行，字段 常住人口：…" in the UI's language, for the preview's problems and warnings. No React. */
export function noteText(n: ImportNote, t: TFunction): string {
  const where: string[] = [];
  if (n.line !== undefined) where.push(t('errors.where.line', { line: n.line }));
  if (n.feature !== undefined) where.push(t('errors.where.feature', { feature: n.feature }));
  if (n.field) where.push(t('errors.where.field', { field: n.field }));
  return where.length ? `${where.join(t('errors.where.sep'))}${t('errors.where.colon')}${n.message}` : n.message;
}
