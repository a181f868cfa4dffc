import { useTranslation } from 'react-i18next';
import type { LogEntryDto } from '../../../shared/api/log';
import { formatDateTime } from '../../../shared/domain/shanghai-time';
import { EntryLink } from './EntryLink';
import './log.css';

/**
 * Log entries, newest first. A corrected entry stays, struck through, with a pointer to its correction;
 * a correction points back at the entry it corrects.
 */
export function LogList({ entries, compact, onCorrect, onHistory }: {
  entries: LogEntryDto[];
  compact?: boolean;
  onCorrect?: (e: LogEntryDto) => void;
  onHistory?: (e: LogEntryDto) => void;
}) {
  const { t } = useTranslation();
  if (entries.length === 0) return <div className="muted">{t('log.empty')}</div>;
  return (
    <table className={`data log-table${compact ? ' compact' : ''}`} data-testid="log-list">
      <thead>
        <tr>
          <th>{t('log.time')}</th>
          {!compact && <th>#</th>}
          <th>{t('log.operator')}</th>
          <th>{t('log.category')}</th>
          <th>{t('log.text')}</th>
          {!compact && <th />}
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id} className={e.correctedById !== null ? 'superseded' : ''} data-testid="log-row">
            <td className="nowrap">
              {compact ? formatDateTime(e.at).slice(5) : formatDateTime(e.at)}
              {/* A hand entry dated earlier than it was written says when it was written. */}
              {!compact && e.recordedAt - e.at >= 60_000 && (
                <div className="muted small" data-testid="log-recorded-at">{t('log.recordedAt', { at: formatDateTime(e.recordedAt) })}</div>
              )}
            </td>
            {!compact && <td className="muted">{e.id}</td>}
            <td>{e.operator?.name ?? '—'}</td>
            <td><span className={`badge log-cat cat-${e.category}`}>{t(`log.categories.${e.category}`)}</span></td>
            <td className="wrap log-text">
              {e.correctsId !== null && <span className="badge correction">{t('log.corrects', { id: e.correctsId })}</span>}
              <span className="log-body">{e.text}</span>
              {' '}<EntryLink entry={e} />
              {e.correctedById !== null && <span className="muted small"> {t('log.correctedBy', { id: e.correctedById })}</span>}
            </td>
            {!compact && (
              <td className="nowrap">
                {(e.correctsId !== null || e.correctedById !== null) && onHistory && (
                  <button className="link" onClick={() => onHistory(e)}>{t('log.history')}</button>
                )}
                {/* Automatic entries record what the app did: the server refuses to correct them. */}
                {e.correctedById === null && e.source === 'manual' && onCorrect && (
                  <button className="link" onClick={() => onCorrect(e)} data-testid="log-correct">{t('log.correct')}</button>
                )}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
