import { useEffect, useMemo, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ErrorMessage } from '../../app/ErrorMessage';
import { useApiQuery } from '../../app/queries';
import type { RiskAreaListDto, RiskLevelDtoKey } from '../../../shared/api/risk-areas';
import { formatTime } from '../../../shared/domain/shanghai-time';
import { AreaFigures } from './AreaFigures';
import { useRiskDraft } from './draftStore';
import { levelLabel } from './names';
import { useLivePreview } from './useLivePreview';

/**
 * The unsaved area: its figures, live while a vertex is dragged (previewRiskArea), why the server would refuse it, and
 * the form that delineates it (name, level of the active profile, the reports it follows from) or saves the new
 * boundary of the area being redrawn.
 */
export function DraftPanel({ list }: { list: RiskAreaListDto }) {
  const { t, i18n } = useTranslation();
  const geometry = useRiskDraft((s) => s.geometry);
  const changedAt = useRiskDraft((s) => s.changedAt);
  const picked = useRiskDraft((s) => s.picked);
  const editingAreaId = useRiskDraft((s) => s.editingAreaId);
  const { clearDraft, select, setUnion } = useRiskDraft.getState();
  const editing = editingAreaId === null ? null : list.areas.find((a) => a.id === editingAreaId) ?? null;

  const input = useMemo(() => {
    const areaId = editingAreaId ?? undefined;
    if (geometry) return { geometry, areaId };
    if (picked.length) return { compoundIds: picked, areaId };
    return null;
  }, [geometry, picked, editingAreaId]);
  const preview = useLivePreview(input, geometry ? changedAt : null);
  const union = picked.length ? preview.data?.geometry ?? null : null;
  useEffect(() => setUnion(union), [union, setUnion]);
  useEffect(() => () => setUnion(null), [setUnion]);

  const drawable = list.levels.filter((l) => l.drawable);
  const [name, setName] = useState('');
  const [level, setLevel] = useState<RiskLevelDtoKey | ''>('');
  const emergency = useApiQuery('getEmergency', {});
  const reports = emergency.data?.emergency?.reports ?? [];
  const [reportIds, setReportIds] = useState<number[] | null>(null);
  // The trigger report is ticked until the user chooses.
  const chosenReports = reportIds ?? reports.filter((r) => r.isTrigger).map((r) => r.id);

  const save = useMutation({
    mutationFn: async () => {
      const shape = geometry ? { geometry } : { compoundIds: picked };
      if (editing) return call('updateRiskArea', { id: editing.id, ...shape });
      return call('createRiskArea', { name, level: level || drawable[0]?.key || 'high', reportIds: chosenReports, ...shape });
    },
    onSuccess: (area) => {
      clearDraft();
      select(area.id);
    },
  });

  if (!input) return null;
  const stats = preview.data?.stats ?? null;
  const problem = preview.data?.problem ?? null;
  const canSave = !!preview.data && problem === null && !preview.busy && (editing !== null || name.trim() !== '');

  return (
    <section className="panel stack risk-draft-panel" data-testid="draft-panel" data-busy={preview.busy ? 'true' : 'false'}>
      <h3>{editing ? t('risk.draft.redraw', { name: editing.name }) : t('risk.draft.title')}</h3>
      <div className="muted small">
        {geometry ? t('risk.draft.fromShape') : t('risk.draft.fromPicked', { count: picked.length })}
        {preview.busy && <> · {t('risk.draft.counting')}</>}
        {preview.figuresMs !== null && (
          <>
            {' · '}
            <span data-testid="figures-ms" data-ms={preview.figuresMs} data-compute-ms={preview.data?.computeMs}>
              {t('risk.draft.figuresMs', { ms: preview.figuresMs })}
            </span>
          </>
        )}
      </div>
      <ErrorMessage error={preview.error} />
      {problem && <div className="error-box" data-testid="draft-problem">{problem}</div>}
      {stats && <AreaFigures stats={stats} testId="draft-figures" />}

      {!editing && (
        <div className="stack">
          <div className="field">
            <label htmlFor="risk-name">{t('risk.draft.name')}</label>
            <input id="risk-name" value={name} onChange={(e) => setName(e.target.value)} placeholder={t('risk.draft.namePlaceholder')} data-testid="draft-name" />
          </div>
          <div className="field">
            <label htmlFor="risk-level">{t('risk.draft.level')}</label>
            <select id="risk-level" value={level || drawable[0]?.key || ''} onChange={(e) => setLevel(e.target.value as RiskLevelDtoKey)} data-testid="draft-level">
              {drawable.map((l) => (
                <option key={l.key} value={l.key}>{levelLabel(l.key, list.levels, i18n.language, l.key)}</option>
              ))}
            </select>
            {list.profile && <span className="muted small">{t('risk.draft.profileLevels', { profile: list.profile.name })}</span>}
          </div>
          <fieldset className="risk-reports">
            <legend>{t('risk.draft.reports')}</legend>
            {reports.length === 0 && <div className="muted small">{t('risk.draft.noReports')}</div>}
            {reports.map((r) => (
              <label key={r.id} className="risk-check">
                <input
                  type="checkbox"
                  checked={chosenReports.includes(r.id)}
                  onChange={(e) => setReportIds(e.target.checked ? [...chosenReports, r.id] : chosenReports.filter((x) => x !== r.id))}
                  data-testid="draft-report"
                />
                {r.place} <span className="muted small">{formatTime(r.reportedAt)}</span>
              </label>
            ))}
          </fieldset>
        </div>
      )}
      <ErrorMessage error={save.error} />
      <div className="row">
        <button type="button" className="primary" disabled={!canSave || save.isPending} onClick={() => save.mutate()} data-testid="draft-save">
          {save.isPending ? t('common.working') : editing ? t('risk.draft.saveBoundary') : t('risk.draft.delineate')}
        </button>
        <button type="button" onClick={clearDraft} disabled={save.isPending}>{t('common.cancel')}</button>
      </div>
    </section>
  );
}
