import { CopyOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Modal, Space, message } from 'antd';
import { useHeld } from '../components/use-held.ts';
import { useLocale } from '../i18n.ts';

/**
 * A secret (an API key, a staff user's new password) shown the one time the server answers it: a warning that
 * it cannot be shown again, the value selectable in a read-only field, and a copy button. The page keeps the
 * value only while this dialog is open; closing it drops it (once it has faded out, its title with it).
 */
export function ShownOnce({
  shown,
  warning,
  onClose,
}: {
  shown: { readonly title: string; readonly secret: string } | undefined;
  warning: string;
  onClose: () => void;
}) {
  const { t } = useLocale();
  const { held, release } = useHeld(shown);
  const secret = held?.secret;
  const [notice, holder] = message.useMessage();

  async function copy(value: string) {
    try {
      await navigator.clipboard.writeText(value);
      void notice.success(t('admin.secret.copied'));
    } catch {
      void notice.warning(t('admin.secret.copyFailed'));
    }
  }

  return (
    <Modal
      open={shown !== undefined}
      title={held?.title}
      onCancel={onClose}
      afterClose={release}
      maskClosable={false}
      keyboard={false}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose}>
          {t('admin.secret.stored')}
        </Button>
      }
    >
      {holder}
      <Alert type="warning" showIcon message={warning} style={{ marginBottom: 16 }} />
      {secret !== undefined ? (
        <Space.Compact style={{ width: '100%' }}>
          <Input
            aria-label={t('admin.secret.label')}
            readOnly
            value={secret}
            data-testid="shown-once-secret"
            style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' }}
            onFocus={(event) => event.target.select()}
          />
          <Button icon={<CopyOutlined />} onClick={() => void copy(secret)}>
            {t('admin.secret.copy')}
          </Button>
        </Space.Compact>
      ) : null}
    </Modal>
  );
}
