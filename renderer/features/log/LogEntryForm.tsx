import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ErrorMessage } from '../../app/ErrorMessage';
import { saveOnEnter } from '../../app/enterKey';
import { useNow } from '../../app/clock';
import { manualLogCategories } from '../../../shared/api/log';
import { fromDateTimeLocal, toDateTimeLocal } from '../../../shared/domain/shanghai-time';
import { LinkFields, emptyLink, linkInput, type LinkForm } from './LinkFields';
import { textLimits } from '../../../shared/api/text';

type ManualCategory = (typeof manualLogCategories)[number];

/**
 * Add an entry by hand: category and text; optionally when it happened (earlier than now) and what it concerns
 * (a sampling team, or a risk area or site named by hand). The operator and the time of writing are recorded by the
 * desk; LogScreen shows this form only to a signed-in operator at an unlocked desk (DeskGate).
 */
export function LogEntryForm() {
  const { t } = useTranslation();
  const [category, setCategory] = useState<ManualCategory>('note');
  const [text, setText] = useState('');
  const [eventTime, setEventTime] = useState('');
  const [link, setLink] = useState<LinkForm>(emptyLink);
  // The latest time the picker offers; the server refuses a time after its own now anyway.
  const now = useNow(10_000);
  const add = useMutation({
    mutationFn: () => {
      const at = eventTime ? fromDateTimeLocal(eventTime) : undefined;
      return call('addLogEntry', { category, text, ...(at !== undefined && !Number.isNaN(at) ? { at } : {}), ...linkInput(link) });
    },
    onSuccess: () => {
      setText('');
      setEventTime('');
      setLink(emptyLink);
    },
  });
  // Enter in a one-line field (event time, a place named by hand) records, like Ctrl+Enter in the text.
  return (
    <div className="stack log-form" onKeyDown={saveOnEnter(() => !add.isPending && add.mutate())}>
      <div className="row">
        <select value={category} onChange={(e) => setCategory(e.target.value as ManualCategory)} aria-label={t('log.category')} data-testid="log-category">
          {manualLogCategories.map((c) => <option key={c} value={c}>{t(`log.categories.${c}`)}</option>)}
        </select>
        <textarea className="grow" rows={2} maxLength={textLimits.logText} value={text} placeholder={t('log.newHint')} data-testid="log-text"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) add.mutate();
          }} />
        <button className="primary" disabled={add.isPending} onClick={() => add.mutate()} data-testid="log-add">{t('log.add')}</button>
      </div>
      <div className="row log-form-extra">
        <div className="field">
          <label htmlFor="log-event-time">{t('log.eventTime')}</label>
          <input id="log-event-time" type="datetime-local" value={eventTime} min="2000-01-01T00:00" max={toDateTimeLocal(now)}
            onChange={(e) => setEventTime(e.target.value)} data-testid="log-event-time" />
          <span className="muted small">{t('log.eventTimeHint')}</span>
        </div>
        <LinkFields value={link} onChange={setLink} />
      </div>
      <ErrorMessage error={add.error} />
    </div>
  );
}
