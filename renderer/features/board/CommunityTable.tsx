import { useTranslation } from 'react-i18next';
import type { Geometry } from 'geojson';
import { useApiQuery } from '../../app/queries';
import { ErrorMessage } from '../../app/ErrorMessage';
import { areaBox } from '../../../shared/domain/spatial';
import { useMapFocus } from '../../map/mapFocus';

const n = (v: number) => v.toLocaleString('zh-CN');

/** 各社区: compounds, residents and 60+ per community; a click shows the community on the map. */
export function CommunityTable() {
  const { t } = useTranslation();
  const communities = useApiQuery('listCommunities', {});
  const focus = useMapFocus((s) => s.focus);
  if (communities.error) return <ErrorMessage error={communities.error} />;
  const rows = communities.data ?? [];
  return (
    <section className="board-section">
      <h3>{t('board.byCommunity')}</h3>
      <table className="data dense" data-testid="community-table">
        <thead>
          <tr>
            <th>{t('board.community')}</th>
            <th className="num">{t('board.compoundsShort')}</th>
            <th className="num">{t('board.residents')}</th>
            <th className="num">{t('board.elderlyShort')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => {
            const box = areaBox(c.boundary as Geometry | null);
            return (
              <tr
                key={c.id}
                className={box ? 'clickable' : undefined}
                title={box ? t('board.showOnMap') : undefined}
                onClick={() => box && focus(box)}
              >
                <td>
                  {c.name}
                  {c.mismatchedCompounds > 0 && (
                    <span className="mismatch-mark" title={t('board.mismatchShort', { n: c.mismatchedCompounds })}>
                      {' '}⚠ {c.mismatchedCompounds}
                    </span>
                  )}
                </td>
                <td className="num">{n(c.compounds)}</td>
                <td className="num">{n(c.residents)}</td>
                <td className="num">{n(c.elderly)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
