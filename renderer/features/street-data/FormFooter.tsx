import { useTranslation } from 'react-i18next';

/** Cancel and Save for a street-data form dialog; Save submits the form named by `formId`. */
export function FormFooter({ formId, busy, onCancel }: { formId: string; busy: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <button type="button" onClick={onCancel} disabled={busy}>{t('common.cancel')}</button>
      <button type="submit" form={formId} className="primary" data-testid="form-save" disabled={busy}>
        {busy ? t('data.working') : t('common.save')}
      </button>
    </>
  );
}
