import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ErrorMessage } from '../../app/ErrorMessage';
import type { ChecklistItemDto } from '../../../shared/api/mode';
import { workGroupKeys, workGroupNames } from '../../../shared/domain/workgroups';
import { formatDateTime } from '../../../shared/domain/shanghai-time';
import { pickName } from './names';

/** The activation checklist of this emergency, per work group; each tick carries who and when. */
export function ActivationChecklist({ items }: { items: ChecklistItemDto[] }) {
  const { t, i18n } = useTranslation();
  // The box shows the click at once; the server's answer (who and when) follows.
  const [pending, setPending] = useState<Record<number, boolean>>({});
  const tick = useMutation({
    mutationFn: (v: { id: number; done: boolean }) => call('tickChecklistItem', v),
    onMutate: (v) => setPending((p) => ({ ...p, [v.id]: v.done })),
    onSettled: async (_r, _e, v) => {
      setPending((p) => {
        const { [v.id]: _gone, ...rest } = p;
        return rest;
      });
    },
  });
  const groups = workGroupKeys.map((key) => ({ key, items: items.filter((i) => i.groupKey === key).sort((a, b) => a.position - b.position) }));
  const doneCount = items.filter((i) => i.done).length;
  return (
    <section className="panel stack" data-testid="activation-checklist">
      <h2>{t('mode.checklist.title')} <span className="muted small">{t('mode.checklist.progress', { done: doneCount, total: items.length })}</span></h2>
      <ErrorMessage error={tick.error} />
      {items.length === 0 && <div className="muted">{t('mode.checklist.empty')}</div>}
      <div className="checklist-groups">
        {groups.filter((g) => g.items.length > 0).map((g) => (
          <div key={g.key} className="checklist-group">
            <h3>{pickName(workGroupNames[g.key], i18n.language)}</h3>
            <ul>
              {g.items.map((item) => (
                <li key={item.id} className={item.done ? 'done' : ''}>
                  <label>
                    <input type="checkbox" checked={pending[item.id] ?? item.done} disabled={item.id in pending}
                      onChange={(e) => tick.mutate({ id: item.id, done: e.target.checked })} />
                    <span>{item.text}</span>
                  </label>
                  {item.done && item.doneAt !== null && (
                    <div className="muted small">{t('mode.checklist.tickedBy', { time: formatDateTime(item.doneAt), who: item.doneBy?.name ?? t('mode.nobody') })}</div>
                  )}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </section>
  );
}
