import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useLocale } from '../i18n.ts';

/** A path no page answers: says so and offers the way home. */
export function NotFound() {
  const { t } = useLocale();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t('notFound.title')}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('notFound.back')}
        </Button>
      }
    />
  );
}
