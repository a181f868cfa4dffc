import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ErrorMessage } from '../../app/ErrorMessage';
import type { RiskAreaDetailDto } from '../../../shared/api/risk-areas';
import { venueTypeLabel } from '../../map/venueStyle';
import { formatDateTime } from '../../../shared/domain/shanghai-time';

/**
 * 停业场所: the indoor entertainment venues inside the area (棋牌室, KTV, 网吧 ...) as a list to act on; ticking one
 * records who suspended it and when (unticking is kept too).
 */
export function SuspensionList({ area }: { area: RiskAreaDetailDto }) {
  const { t, i18n } = useTranslation();
  const tick = useMutation({
    mutationFn: (v: { venueId: number; suspended: boolean }) => call('setVenueSuspension', { areaId: area.id, ...v }),
  });
  const ended = area.status === 'lifted' || area.status === 'revoked';
  const done = area.suspensions.filter((s) => s.suspended).length;
  return (
    <div className="risk-suspend" data-testid="suspension-list">
      <h4 className="risk-subhead">
        {t('risk.suspend.title')} <span className="muted num" data-testid="suspension-count">{done}/{area.suspensions.length}</span>
      </h4>
      {area.suspensions.length === 0 ? (
        <div className="muted small">{t('risk.suspend.none')}</div>
      ) : (
        <ul className="risk-ticks">
          {area.suspensions.map((v) => (
            <li key={v.id} data-code={v.code}>
              <label className="risk-check">
                <input
                  type="checkbox"
                  checked={v.suspended}
                  disabled={ended || tick.isPending}
                  onChange={(e) => tick.mutate({ venueId: v.id, suspended: e.target.checked })}
                  data-testid="suspend-tick"
                />
                <span>
                  {v.name} <span className="muted small">{venueTypeLabel(v.type, i18n.language)}{v.address ? ` · ${v.address}` : ''}</span>
                </span>
              </label>
              {v.suspended && v.at !== null && (
                <div className="muted small risk-tick-who" data-testid="suspend-who">
                  {t('risk.suspend.doneBy', { who: v.by?.name ?? t('risk.area.nobody'), at: formatDateTime(v.at) })}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <ErrorMessage error={tick.error} />
    </div>
  );
}
