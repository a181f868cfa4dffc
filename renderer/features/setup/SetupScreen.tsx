import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ErrorMessage } from '../../app/ErrorMessage';
import { navigate } from '../../app/useRoute';
import { useDesk, useOperators } from '../desk/queries';
import { useCanWrite } from '../desk/useCanWrite';
import { SignInForm } from '../desk/SignInForm';
import { textLimits } from '../../../shared/api/text';

/**
 * First start: an empty database is never a dead end. Load the demo street, or create our own and import.
 * Without any operator both are open (the server's first-start exception). A database that has operators but no
 * street (they were added first) needs one of them signed in, as every other change does: the form is here, since
 * this screen has no top bar.
 */
export function SetupScreen() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const operators = useOperators();
  const desk = useDesk().data;
  const { canWrite } = useCanWrite();
  const needsSignIn = operators.data !== undefined && operators.data.length > 0 && desk !== undefined && !canWrite;
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const done = (route: string) => {
    navigate(route);
    void qc.invalidateQueries();
  };
  const demo = useMutation({ mutationFn: () => call('loadDemoStreet', {}), onSuccess: () => done('/board') });
  const own = useMutation({ mutationFn: () => call('createStreet', { code, name }), onSuccess: () => done('/data/import') });

  return (
    <div className="content" style={{ maxWidth: 880, margin: '40px auto' }}>
      <h1>{t('setup.title')}</h1>
      <p className="muted">{t('setup.intro')}</p>
      {needsSignIn && (
        <section className="panel stack" data-testid="setup-signin" style={{ maxWidth: 420 }}>
          <h2>{t('desk.signInTitle')}</h2>
          <div className="muted">{t('setup.signInFirst')}</div>
          <SignInForm preselect={desk?.operator?.id ?? null} onDone={() => undefined} submitLabel={t('desk.signIn')} />
        </section>
      )}
      <fieldset className="desk-fieldset" disabled={needsSignIn}>
      <div className="row" style={{ alignItems: 'stretch' }}>
        <section className="panel stack" style={{ flex: 1 }}>
          <h2>{t('setup.demo')}</h2>
          <p className="muted">{t('setup.demoHint')}</p>
          <button className="primary" data-testid="load-demo" disabled={demo.isPending} onClick={() => demo.mutate()}>
            {demo.isPending ? t('app.loading') : t('setup.demo')}
          </button>
          <ErrorMessage error={demo.error} />
        </section>
        <section className="panel stack" style={{ flex: 1 }}>
          <h2>{t('setup.own')}</h2>
          <p className="muted">{t('setup.ownHint')}</p>
          <div className="field">
            <label htmlFor="street-name">{t('setup.streetName')}</label>
            <input id="street-name" maxLength={textLimits.name} value={name} onChange={(e) => setName(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="street-code">{t('setup.streetCode')}</label>
            <input id="street-code" maxLength={textLimits.code} value={code} onChange={(e) => setCode(e.target.value)} />
          </div>
          <button data-testid="create-street" disabled={own.isPending || !code.trim() || !name.trim()} onClick={() => own.mutate()}>
            {t('setup.create')}
          </button>
          <ErrorMessage error={own.error} />
        </section>
      </div>
      </fieldset>
    </div>
  );
}
