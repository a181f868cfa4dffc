import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/domain/shanghai-time';

/** 最后修改: when (Asia/Shanghai, MM-DD HH:mm) and who changed the row, if anyone was at the desk. */
export function LastChange({ at, by }: { at: number; by: string | null }) {
  const { t } = useTranslation();
  return (
    <>
      <span className="sd-changed-at">{formatDateTime(at).slice(5)}</span> {by ?? <span className="muted">{t('data.col.changedNobodyShort')}</span>}
    </>
  );
}
