import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRiskDraft, type DrawTool } from './draftStore';

/**
 * The drawing tools, outside the map: draw a polygon or a rectangle, pick compounds, then edit vertices or move the
 * shape; cancel forgets the unsaved shape. A refused crossing edge is said here for a few seconds.
 */
export function DrawToolbar({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation();
  const tool = useRiskDraft((s) => s.tool);
  const hasShape = useRiskDraft((s) => s.geometry !== null);
  const picking = useRiskDraft((s) => s.tool === 'pick' || s.picked.length > 0);
  const shapeMode = useRiskDraft((s) => s.shapeMode);
  const editing = useRiskDraft((s) => s.editingAreaId);
  const { setTool, setShapeMode, clearDraft, startPicking, startDrawing } = useRiskDraft.getState();
  const notice = useNotice();

  const toggle = (next: DrawTool) => {
    if (tool === next) setTool('none');
    else if (next === 'pick') startPicking([], editing);
    else if (next !== 'none') startDrawing(next);
  };
  const toolButton = (id: DrawTool, label: string, testId: string) => (
    <button type="button" className={tool === id ? 'primary' : undefined} aria-pressed={tool === id} disabled={!enabled} onClick={() => toggle(id)} data-testid={testId}>
      {label}
    </button>
  );

  return (
    <div className="risk-toolbar stack" data-testid="risk-toolbar">
      <div className="row">
        {toolButton('polygon', t('risk.draw.polygon'), 'draw-polygon')}
        {toolButton('rectangle', t('risk.draw.rectangle'), 'draw-rectangle')}
        {toolButton('pick', t('risk.draw.pick'), 'pick-compounds')}
        {(hasShape || picking || tool !== 'none') && (
          <button type="button" onClick={clearDraft} data-testid="draft-cancel">{t('risk.draw.cancel')}</button>
        )}
      </div>
      {hasShape && (
        <div className="row small">
          <span className="muted">{t('risk.draw.shape')}</span>
          <label className="risk-radio">
            <input type="radio" checked={shapeMode === 'vertices'} onChange={() => setShapeMode('vertices')} data-testid="shape-vertices" />
            {t('risk.draw.vertices')}
          </label>
          <label className="risk-radio">
            <input type="radio" checked={shapeMode === 'move'} onChange={() => setShapeMode('move')} data-testid="shape-move" />
            {t('risk.draw.move')}
          </label>
        </div>
      )}
      <div className="muted small" data-testid="draw-hint">
        {tool === 'polygon'
          ? t('risk.draw.hintPolygon')
          : tool === 'rectangle'
            ? t('risk.draw.hintRectangle')
            : tool === 'pick'
              ? t('risk.draw.hintPick')
              : hasShape
                ? shapeMode === 'move'
                  ? t('risk.draw.hintMove')
                  : t('risk.draw.hintVertices')
                : enabled
                  ? t('risk.draw.hintIdle')
                  : t('risk.draw.needEmergency')}
      </div>
      {notice && (
        <div className="warning-box small" role="status" data-testid="draw-notice">
          {notice}
        </div>
      )}
    </div>
  );
}

/** The map's latest notice, for five seconds. */
function useNotice(): string | null {
  const notice = useRiskDraft((s) => s.notice);
  const [shown, setShown] = useState<string | null>(null);
  useEffect(() => {
    if (!notice) return;
    setShown(notice.text);
    const id = window.setTimeout(() => setShown(null), 5000);
    return () => window.clearTimeout(id);
  }, [notice]);
  return shown;
}
