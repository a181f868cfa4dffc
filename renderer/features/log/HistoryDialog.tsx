import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ErrorMessage } from '../../app/ErrorMessage';
import { formatDateTime } from '../../print/format';
import { Dialog } from '../mode/Dialog';

/** The chain of an entry and its corrections, oldest first. */
export function HistoryDialog({ id, onClose }: { id: number; onClose: () => void }) {
  const { t } = useTranslation();
  const history = useQuery({ queryKey: ['log', 'history', id], queryFn: () => call('getLogEntryHistory', { id }) });
  return (
    <Dialog title={t('log.historyTitle')} onClose={onClose} testId="log-history" width={640}
      footer={<><span className="spacer" /><button onClick={onClose}>{t('common.close')}</button></>}>
      <ErrorMessage error={history.error} />
      <ol className="log-chain">
        {(history.data ?? []).map((e, i) => (
          <li key={e.id} className={e.correctedById !== null ? 'superseded' : 'current'}>
            <div className="muted small">
              #{e.id} · {formatDateTime(e.at)} · {e.operator?.name ?? '—'} {i === 0 ? t('log.original') : t('log.corrects', { id: e.correctsId })}
            </div>
            <div>{e.text}</div>
          </li>
        ))}
      </ol>
    </Dialog>
  );
}
