import { useTranslation } from 'react-i18next';
import { ListPane, type ListColumn } from '../../app/ListPane';
import type { RiskAreaDto, RiskAreaListDto } from '../../../shared/api/risk-areas';
import { useRiskDraft } from './draftStore';
import { LevelBadge } from './LevelBadge';
import { levelLabel, n } from './names';

/** 风险区列表: every area of the emergency (ended ones on request) with level, status, residents and its state in words. */
export function RiskAreaList({
  list,
  status,
  showEnded,
  onShowEnded,
}: {
  list: RiskAreaListDto | undefined;
  status: { isPending: boolean; error: unknown };
  showEnded: boolean;
  onShowEnded: (on: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const selectedId = useRiskDraft((s) => s.selectedId);
  const select = useRiskDraft((s) => s.select);
  const levels = list?.levels ?? [];
  const columns: ListColumn<RiskAreaDto>[] = [
    {
      header: t('risk.list.name'),
      id: 'name',
      cell: (a) => (
        <button type="button" className={`link${a.id === selectedId ? ' risk-selected' : ''}`} onClick={() => select(a.id)} data-testid="risk-area-open">
          {a.name}
        </button>
      ),
    },
    { header: t('risk.list.level'), id: 'level', cell: (a) => <LevelBadge level={a.level} label={levelLabel(a.level, levels, i18n.language, a.levelName)} /> },
    { header: t('risk.list.status'), id: 'status', cell: (a) => t(`risk.status.${a.status}`) },
    { header: t('risk.fig.residents'), id: 'residents', kind: 'num', cell: (a) => n(a.residents) },
    { header: t('risk.list.state'), id: 'state', cell: (a) => <span className="small">{a.lifecycle.words}</span>, title: (a) => a.lifecycle.nextWords ?? undefined },
  ];
  return (
    <ListPane
      testId="risk-area-list"
      columns={columns}
      rows={list?.areas ?? []}
      status={status}
      rowCode={(a) => String(a.id)}
      filters={
        <label className="risk-check small">
          <input type="checkbox" checked={showEnded} onChange={(e) => onShowEnded(e.target.checked)} data-testid="risk-show-ended" />
          {t('risk.list.showEnded')}
        </label>
      }
      empty={list?.profile ? t('risk.list.empty') : t('risk.list.routine')}
    />
  );
}
