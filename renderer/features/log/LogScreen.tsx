import { useEffect, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { useApiQuery } from '../../app/queries';
import { ErrorMessage } from '../../app/ErrorMessage';
import { logCategories, type LogCategory, type LogEntryDto } from '../../../shared/api/log';
import { LogList } from './LogList';
import { LogEntryForm } from './LogEntryForm';
import { CorrectEntryDialog } from './CorrectEntryDialog';
import { HistoryDialog } from './HistoryDialog';
import { downloadText } from './download';
import { DeskGate } from '../desk/DeskGate';
import { useCanWrite } from '../desk/useCanWrite';
import './log.css';
import { textLimits } from '../../../shared/api/text';

const PAGE = 200;

/** 值班日志: newest first, filter by category, search, add, correct (the chain is kept), export CSV. */
export function LogScreen() {
  const { t } = useTranslation();
  const [category, setCategory] = useState<LogCategory | ''>('');
  const [searchInput, setSearchInput] = useState('');
  const [search, setSearch] = useState('');
  const [hideCorrected, setHideCorrected] = useState(false);
  const [limit, setLimit] = useState(PAGE);
  const [correcting, setCorrecting] = useState<LogEntryDto | null>(null);
  const [historyOf, setHistoryOf] = useState<number | null>(null);
  useEffect(() => {
    const id = window.setTimeout(() => setSearch(searchInput.trim()), 250);
    return () => window.clearTimeout(id);
  }, [searchInput]);
  const filter = { categories: category ? [category] : undefined, search: search || undefined, hideCorrected };
  const list = useApiQuery('listLogEntries', { ...filter, limit }, { refetchInterval: 30_000 });
  const exportCsv = useMutation({
    mutationFn: () => call('exportLogCsv', filter),
    onSuccess: (r) => downloadText(r.fileName, r.csv),
  });
  const rows = list.data?.rows ?? [];
  const { canWrite } = useCanWrite();

  return (
    <div className="log-screen stack">
      <div className="row">
        <h1>{t('log.title')}</h1>
        <span className="spacer" />
        <button onClick={() => exportCsv.mutate()} disabled={exportCsv.isPending} data-testid="log-export">{t('log.export')}</button>
      </div>
      <section className="panel">
        <DeskGate>
          <LogEntryForm />
        </DeskGate>
      </section>
      <section className="panel stack">
        <div className="row">
          <select value={category} onChange={(e) => setCategory(e.target.value as LogCategory | '')} aria-label={t('log.category')} data-testid="log-filter-category">
            <option value="">{t('log.allCategories')}</option>
            {logCategories.map((c) => <option key={c} value={c}>{t(`log.categories.${c}`)}</option>)}
          </select>
          <input type="search" maxLength={textLimits.search} placeholder={t('log.search')} value={searchInput} onChange={(e) => setSearchInput(e.target.value)} data-testid="log-search" />
          <label className="row nowrap"><input type="checkbox" checked={hideCorrected} onChange={(e) => setHideCorrected(e.target.checked)} />{t('log.hideCorrected')}</label>
          <span className="spacer" />
          {list.data && <span className="muted">{t('log.count', { shown: rows.length, total: list.data.total })}</span>}
        </div>
        <ErrorMessage error={list.error ?? exportCsv.error} />
        <LogList entries={rows} onCorrect={canWrite ? setCorrecting : undefined} onHistory={(e) => setHistoryOf(e.id)} />
        {list.data && list.data.total > rows.length && (
          <div><button onClick={() => setLimit(limit + PAGE)}>{t('log.more')}</button></div>
        )}
      </section>
      {correcting && canWrite && <CorrectEntryDialog entry={correcting} onClose={() => setCorrecting(null)} />}
      {historyOf !== null && <HistoryDialog id={historyOf} onClose={() => setHistoryOf(null)} />}
    </div>
  );
}
