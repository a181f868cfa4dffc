import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { useApiQuery } from '../../app/queries';
import { ErrorMessage } from '../../app/ErrorMessage';
import { workGroupKeys, workGroupNames, type WorkGroupKey } from '../../../shared/domain/workgroups';
import { pickName } from './names';
import { textLimits } from '../../../shared/api/text';

/** The activation checklist template, edited in routine times and instantiated at the switch. */
export function ChecklistTemplateEditor() {
  const { t, i18n } = useTranslation();
  const template = useApiQuery('getChecklistTemplate', {});
  const [group, setGroup] = useState<WorkGroupKey>('community_screening');
  const [text, setText] = useState('');
  const [editing, setEditing] = useState<{ id: number; text: string } | null>(null);
  const save = useMutation({
    mutationFn: (v: { id?: number; groupKey: WorkGroupKey; text: string }) => call('saveChecklistTemplateItem', v),
    onSuccess: () => {
      setText('');
      setEditing(null);
    },
  });
  const remove = useMutation({
    mutationFn: (id: number) => call('deleteChecklistTemplateItem', { id }),
  });
  const items = template.data ?? [];

  return (
    <section className="panel stack" data-testid="checklist-template">
      <h2>{t('mode.checklist.templateTitle')}</h2>
      <p className="muted">{t('mode.checklist.templateHint')}</p>
      <ErrorMessage error={template.error ?? save.error ?? remove.error} />
      <div className="checklist-groups">
        {workGroupKeys.map((key) => {
          const own = items.filter((i) => i.groupKey === key).sort((a, b) => a.position - b.position);
          return (
            <div key={key} className="checklist-group">
              <h3>{pickName(workGroupNames[key], i18n.language)}</h3>
              {own.length === 0 && <div className="muted small">{t('mode.checklist.groupEmpty')}</div>}
              <ul>
                {own.map((item) =>
                  editing?.id === item.id ? (
                    <li key={item.id} className="row">
                      <input className="grow" maxLength={textLimits.task} value={editing.text} onChange={(e) => setEditing({ id: item.id, text: e.target.value })} />
                      <button className="primary" onClick={() => save.mutate({ id: item.id, groupKey: key, text: editing.text })}>{t('common.save')}</button>
                      <button onClick={() => setEditing(null)}>{t('common.cancel')}</button>
                    </li>
                  ) : (
                    <li key={item.id} className="row template-item">
                      <span className="grow">{item.text}</span>
                      <button className="link" onClick={() => setEditing({ id: item.id, text: item.text })}>{t('common.edit')}</button>
                      <button className="link danger" onClick={() => window.confirm(t('common.confirmDelete', { name: item.text })) && remove.mutate(item.id)}>
                        {t('common.delete')}
                      </button>
                    </li>
                  ),
                )}
              </ul>
            </div>
          );
        })}
      </div>
      <div className="row">
        <select value={group} onChange={(e) => setGroup(e.target.value as WorkGroupKey)} aria-label={t('mode.checklist.group')}>
          {workGroupKeys.map((k) => <option key={k} value={k}>{pickName(workGroupNames[k], i18n.language)}</option>)}
        </select>
        <input className="grow" maxLength={textLimits.task} value={text} placeholder={t('mode.checklist.newItem')} onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && save.mutate({ groupKey: group, text })} />
        <button onClick={() => save.mutate({ groupKey: group, text })} disabled={save.isPending}>{t('common.add')}</button>
      </div>
    </section>
  );
}
