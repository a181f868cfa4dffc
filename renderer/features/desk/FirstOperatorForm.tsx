import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ErrorMessage } from '../../app/ErrorMessage';

/**
 * First start: no operator exists, so there is nobody to sign in as. Add the first one (the only change the server
 * takes without a desk, besides the street itself) and sign them in in the same step.
 */
export function FirstOperatorForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [isAdmin, setIsAdmin] = useState(true);
  const add = useMutation({
    mutationFn: async () => {
      const op = await call('saveOperator', { name, isAdmin });
      return call('signIn', { operatorId: op.id });
    },
    onSuccess: () => onDone(),
  });
  return (
    <form
      className="stack"
      data-testid="first-operator"
      onSubmit={(e) => {
        e.preventDefault();
        if (name.trim()) add.mutate();
      }}
    >
      <div className="muted">{t('desk.first.intro')}</div>
      <div className="field">
        <label htmlFor="first-operator-name">{t('desk.first.name')}</label>
        <input id="first-operator-name" data-testid="first-operator-name" value={name} onChange={(e) => setName(e.target.value)} autoFocus />
      </div>
      <label className="row nowrap"><input type="checkbox" checked={isAdmin} onChange={(e) => setIsAdmin(e.target.checked)} />{t('desk.first.admin')}</label>
      <ErrorMessage error={add.error} />
      <div className="row">
        <span className="spacer" />
        <button type="submit" className="primary" data-testid="first-operator-submit" disabled={!name.trim() || add.isPending}>{t('desk.first.submit')}</button>
      </div>
    </form>
  );
}
