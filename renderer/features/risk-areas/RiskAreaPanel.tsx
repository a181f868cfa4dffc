import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { ErrorMessage } from '../../app/ErrorMessage';
import { useApiQuery } from '../../app/queries';
import type { LevelDto, RiskAreaDetailDto, RiskAreaListDto } from '../../../shared/api/risk-areas';
import type { OperatorRef } from '../../../shared/api/operator';
import { formatDateTime } from '../../../shared/domain/shanghai-time';
import { AreaFigures } from './AreaFigures';
import { useRiskDraft } from './draftStore';
import { LevelBadge } from './LevelBadge';
import { LifecycleBox } from './LifecycleBox';
import { levelLabel } from './names';
import { SuspensionList } from './SuspensionList';

/**
 * One area: level, name, the reports it follows from, who delineated and published it and when; publish, revoke with a
 * reason, redraw or re-pick, rename; its measures, lifecycle, figures inside, the venues to suspend, and its history.
 */
export function RiskAreaPanel({ id, levels, profile }: { id: number; levels: readonly LevelDto[]; profile: RiskAreaListDto['profile'] }) {
  const { t } = useTranslation();
  const detail = useApiQuery('getRiskArea', { id });
  if (detail.error) return <ErrorMessage error={detail.error} />;
  if (!detail.data) return <div className="muted">{t('app.loading')}</div>;
  return <AreaDetail area={detail.data} levels={levels} profile={profile} />;
}

function AreaDetail({ area, levels, profile }: { area: RiskAreaDetailDto; levels: readonly LevelDto[]; profile: RiskAreaListDto['profile'] }) {
  const { t, i18n } = useTranslation();
  const [asking, setAsking] = useState<'publish' | 'revoke' | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const { setShape, startPicking, select } = useRiskDraft.getState();
  const ended = area.status === 'lifted' || area.status === 'revoked';
  const rename = useMutation({ mutationFn: (name: string) => call('updateRiskArea', { id: area.id, name }), onSuccess: () => setRenaming(null) });
  const who = (by: OperatorRef | null) => by?.name ?? t('risk.area.nobody');

  return (
    <section className="panel stack risk-area-panel" data-testid="risk-area-panel" data-area-id={area.id} data-status={area.status}>
      <div className="row risk-area-head">
        <LevelBadge level={area.level} label={levelLabel(area.level, levels, i18n.language, area.levelName)} />
        {renaming === null ? (
          <h3 data-testid="area-name">{area.name}</h3>
        ) : (
          <input value={renaming} onChange={(e) => setRenaming(e.target.value)} data-testid="area-rename-input" />
        )}
        <span className={`risk-status status-${area.status}`} data-testid="area-status">{t(`risk.status.${area.status}`)}</span>
        <span className="spacer" />
        <button type="button" className="link" onClick={() => select(null)}>{t('common.close')}</button>
      </div>
      {area.drawnLevel !== area.level && <div className="muted small">{t('risk.area.drawnAs', { level: levelLabel(area.drawnLevel, levels, i18n.language, area.drawnLevel) })}</div>}

      <dl className="risk-meta">
        <dt>{t('risk.area.delineated')}</dt>
        <dd data-testid="area-delineated">{t('risk.area.byAt', { who: who(area.delineatedBy), at: formatDateTime(area.delineatedAt) })}</dd>
        <dt>{t('risk.area.published')}</dt>
        <dd data-testid="area-published">
          {area.publishedAt !== null ? t('risk.area.byAt', { who: who(area.publishedBy), at: formatDateTime(area.publishedAt) }) : t('risk.area.notPublished')}
        </dd>
        {area.endedAt !== null && (
          <>
            <dt>{t(`risk.status.${area.status}`)}</dt>
            <dd>
              {t('risk.area.byAt', { who: who(area.endedBy), at: formatDateTime(area.endedAt) })}
              {area.revokeReason && <> · {t('risk.area.reason', { reason: area.revokeReason })}</>}
            </dd>
          </>
        )}
        <dt>{t('risk.area.reports')}</dt>
        <dd data-testid="area-reports">
          {area.reports.length === 0 ? t('common.none') : area.reports.map((r) => `${r.place}（${formatDateTime(r.reportedAt)}）`).join('；')}
        </dd>
        <dt>{t('risk.area.source')}</dt>
        <dd>{t(`risk.source.${area.source}`)}</dd>
      </dl>

      <div className="row">
        {area.status === 'delineated' && (
          <button type="button" className="primary" onClick={() => setAsking('publish')} data-testid="area-publish">{t('risk.area.publish')}</button>
        )}
        <a className="button" href={`#/print/risk-notice?id=${area.id}`} data-testid="area-print-notice">{t('risk.area.printNotice')}</a>
        {area.status === 'lifted' && (
          <a className="button" href={`#/print/risk-lift-notice?id=${area.id}`} data-testid="area-print-lift">{t('risk.area.printLift')}</a>
        )}
        {!ended && (
          <>
            <button type="button" onClick={() => setShape(area.geometry, area.id)} data-testid="area-redraw">{t('risk.area.redraw')}</button>
            {area.source === 'compounds' && (
              <button type="button" onClick={() => startPicking(area.compoundIds, area.id)} data-testid="area-repick">{t('risk.area.repick')}</button>
            )}
            {renaming === null ? (
              <button type="button" onClick={() => setRenaming(area.name)}>{t('risk.area.rename')}</button>
            ) : (
              <>
                <button type="button" className="primary" disabled={rename.isPending} onClick={() => rename.mutate(renaming)} data-testid="area-rename-save">{t('common.save')}</button>
                <button type="button" onClick={() => setRenaming(null)}>{t('common.cancel')}</button>
              </>
            )}
            <button type="button" className="danger" onClick={() => setAsking('revoke')} data-testid="area-revoke">{t('risk.area.revoke')}</button>
          </>
        )}
      </div>
      <ErrorMessage error={rename.error} />

      <div className="risk-measures" data-testid="area-measures">
        <h4 className="risk-subhead">{t('risk.area.measures')}</h4>
        <ul>
          {area.measures.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      </div>

      <LifecycleBox area={area} levels={levels} profile={profile} />

      <div>
        <h4 className="risk-subhead">{t('risk.area.inside')}</h4>
        <AreaFigures stats={area.stats} showSuspend={false} />
      </div>
      <SuspensionList area={area} />

      <details className="risk-details">
        <summary>{t('risk.area.history', { count: area.history.length })}</summary>
        <ul className="risk-history" data-testid="area-history">
          {area.history.map((h) => (
            <li key={h.id}>
              <span className="muted small">{formatDateTime(h.at)} · {who(h.by)}</span> {h.text}
            </li>
          ))}
        </ul>
      </details>

      {asking === 'publish' && (
        <ConfirmDialog
          title={t('risk.area.publishTitle', { name: area.name })}
          testId="publish-dialog"
          confirmLabel={t('risk.area.publish')}
          confirmTestId="publish-confirm"
          action={() => call('publishRiskArea', { id: area.id })}
          onClose={() => setAsking(null)}
        >
          <p>{t('risk.area.publishQuestion', { name: area.name, residents: area.residents.toLocaleString('zh-CN') })}</p>
        </ConfirmDialog>
      )}
      {asking === 'revoke' && (
        <ConfirmDialog
          title={t('risk.area.revokeTitle', { name: area.name })}
          testId="revoke-dialog"
          tone="danger"
          reason={{ label: t('risk.area.revokeReason'), id: 'risk-revoke-reason', testId: 'revoke-reason', rows: 2 }}
          confirmLabel={t('risk.area.revoke')}
          confirmTestId="revoke-confirm"
          action={({ reason }) => call('revokeRiskArea', { id: area.id, reason })}
          onClose={() => setAsking(null)}
        >
          <p>{t('risk.area.revokeQuestion')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
