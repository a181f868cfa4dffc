import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ErrorMessage } from '../../app/ErrorMessage';
import { manualLogCategories } from '../../../shared/api/log';
import { refreshDeskData } from '../mode/queries';

type ManualCategory = (typeof manualLogCategories)[number];

/** Add an entry by hand: category and text; the time and the operator are recorded by the desk. */
export function LogEntryForm() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [category, setCategory] = useState<ManualCategory>('note');
  const [text, setText] = useState('');
  const add = useMutation({
    mutationFn: () => call('addLogEntry', { category, text }),
    onSuccess: () => {
      setText('');
      void refreshDeskData(qc);
    },
  });
  return (
    <div className="stack log-form">
      <div className="row">
        <select value={category} onChange={(e) => setCategory(e.target.value as ManualCategory)} aria-label={t('log.category')} data-testid="log-category">
          {manualLogCategories.map((c) => <option key={c} value={c}>{t(`log.categories.${c}`)}</option>)}
        </select>
        <textarea className="grow" rows={2} value={text} placeholder={t('log.newHint')} data-testid="log-text"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) add.mutate();
          }} />
        <button className="primary" disabled={add.isPending} onClick={() => add.mutate()} data-testid="log-add">{t('log.add')}</button>
      </div>
      <ErrorMessage error={add.error} />
    </div>
  );
}
