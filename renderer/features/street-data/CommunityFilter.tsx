import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/useRoute';
import { useCommunities } from './queries';

/** The community select of a street-data tab; the choice is kept in the address (`?community=ID`). */
export function CommunityFilter({ tab, communityId, testId }: { tab: string; communityId?: number; testId: string }) {
  const { t } = useTranslation();
  const communities = useCommunities();
  return (
    <select
      value={communityId ?? ''}
      aria-label={t('data.col.community')}
      data-testid={testId}
      onChange={(e) => navigate(`/data/${tab}${e.target.value ? `?community=${e.target.value}` : ''}`)}
    >
      <option value="">{t('data.allCommunities')}</option>
      {(communities.data ?? []).map((c) => (
        <option key={c.id} value={c.id}>{c.name}</option>
      ))}
    </select>
  );
}
