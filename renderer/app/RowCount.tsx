import { useTranslation } from 'react-i18next';
import { formatCount } from './formatCount';

/** "共 1,234 条 · 显示前 500 条": the total the server found, and whether the list shows only part of it. */
export function RowCount({ total, shown, busy }: { total: number; shown: number; busy?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <span className="lp-count" data-testid="row-count">
      {t('list.count', { count: total, n: formatCount(total, i18n.language) })}
      {total > shown && <span className="lp-partial"> · {t('list.showingFirst', { n: formatCount(shown, i18n.language) })}</span>}
      {busy && <span className="muted"> · {t('app.loading')}</span>}
    </span>
  );
}
