import { useTranslation } from 'react-i18next';
import type { WorkGroupKey } from '../../../shared/domain/workgroups';
import { useCommandStructure } from './queries';

/**
 * Who answers for a work group in the structure in force: its leader with phone, or 空缺 in the danger colour with
 * a link to fill it (the deadline board's owner cell).
 */
export function GroupLead({ groupKey }: { groupKey: WorkGroupKey }) {
  const { t } = useTranslation();
  const structure = useCommandStructure();
  if (!structure.data) return null;
  const lead = structure.data.command.groups.find((g) => g.key === groupKey)?.lead ?? null;
  if (!lead) {
    return (
      <a href="#/command" className="group-lead-vacant small" data-testid="group-lead-vacant">
        {t('command.leadVacant')}
      </a>
    );
  }
  return (
    <span className="small" data-testid="group-lead">
      {t('command.leadIs', { name: lead.name })}
      {lead.phone ? <span className="nowrap"> {lead.phone}</span> : <span className="group-lead-vacant"> {t('command.noPhone')}</span>}
    </span>
  );
}
