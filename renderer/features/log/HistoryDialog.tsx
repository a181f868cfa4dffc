import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../app/queries';
import { ErrorMessage } from '../../app/ErrorMessage';
import { formatDateTime } from '../../../shared/domain/shanghai-time';
import { Dialog } from '../../app/Dialog';
import { EntryLink } from './EntryLink';

/** The chain of an entry and its corrections, oldest first. */
export function HistoryDialog({ id, onClose }: { id: number; onClose: () => void }) {
  const { t } = useTranslation();
  const history = useApiQuery('getLogEntryHistory', { id });
  return (
    <Dialog title={t('log.historyTitle')} onClose={onClose} testId="log-history" width={640}
      footer={<><span className="spacer" /><button onClick={onClose}>{t('common.close')}</button></>}>
      <ErrorMessage error={history.error} />
      <ol className="log-chain">
        {(history.data ?? []).map((e, i) => (
          <li key={e.id} className={e.correctedById !== null ? 'superseded' : 'current'}>
            <div className="muted small">
              #{e.id} · {formatDateTime(e.recordedAt)} · {e.operator?.name ?? '—'} {i === 0 ? t('log.original') : t('log.corrects', { id: e.correctsId })}
              {i === 0 && <> · {t('log.eventTime')} {formatDateTime(e.at)} <EntryLink entry={e} /></>}
            </div>
            {e.correctionReason !== null && <div className="small log-reason" data-testid="log-history-reason">{t('log.reasonShown', { reason: e.correctionReason })}</div>}
            <div className="log-chain-text">{e.text}</div>
          </li>
        ))}
      </ol>
    </Dialog>
  );
}
