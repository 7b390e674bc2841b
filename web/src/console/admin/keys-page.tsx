import { CheckCircleOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import {
  ModalForm,
  PageContainer,
  ProFormSelect,
  ProFormText,
  ProTable,
  type ActionType,
  type ProColumns,
} from '@ant-design/pro-components';
import { Button, Popconfirm, Switch, Tag, Typography, message } from 'antd';
import { useId, useRef, useState } from 'react';
import type { ApiProblem } from '../../api/problem.ts';
import { api, unwrap } from '../api.ts';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { asProblem } from '../components/use-load.ts';
import { useLocale } from '../i18n.ts';
import { PageTitle } from './page-title.tsx';
import { ShownOnce } from './shown-once.tsx';
import { ToneTag } from './tone-tag.tsx';
import { KEY_ROLES, type ApiKeyView } from './types.ts';

interface CreateValues {
  readonly name: string;
  readonly role: ApiKeyView['role'];
}

/** API keys of the systems that call Credence: list, create (the secret shown once), revoke. */
export function KeysPage() {
  const { t, format } = useLocale();
  const table = useRef<ActionType>(undefined);
  const [notice, holder] = message.useMessage();
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const [formProblem, setFormProblem] = useState<ApiProblem | undefined>(undefined);
  const [created, setCreated] = useState<{ name: string; secret: string } | undefined>(undefined);
  const [showRevoked, setShowRevoked] = useState(false);
  const switchId = useId();

  const roleOptions = KEY_ROLES.map((role) => ({ value: role, label: t(`admin.roles.${role}`) }));

  async function revoke(key: ApiKeyView): Promise<void> {
    setProblem(undefined);
    try {
      await unwrap(api.DELETE('/v1/keys/{id}', { params: { path: { id: key.id } } }));
      void notice.success(t('admin.keys.revokedDone', { name: key.name }));
      await table.current?.reload();
    } catch (caught) {
      setProblem(asProblem(caught));
    }
  }

  const columns: ProColumns<ApiKeyView>[] = [
    { title: t('admin.keys.name'), dataIndex: 'name' },
    {
      title: t('admin.keys.prefix'),
      dataIndex: 'prefix',
      render: (_, key) => <Typography.Text code>{key.prefix}…</Typography.Text>,
    },
    {
      title: t('admin.keys.role'),
      dataIndex: 'role',
      filters: roleOptions.map(({ value, label }) => ({ value, text: label })),
      onFilter: (value, key) => key.role === value,
      render: (_, key) => <Tag color="blue">{t(`admin.roles.${key.role}`)}</Tag>,
    },
    {
      title: t('admin.keys.createdAt'),
      dataIndex: 'createdAt',
      sorter: (a, b) => a.createdAt.localeCompare(b.createdAt),
      defaultSortOrder: 'descend',
      render: (_, key) => format.dateTime(key.createdAt),
    },
    {
      title: t('admin.keys.lastUsed'),
      dataIndex: 'lastUsedAt',
      render: (_, key) =>
        key.lastUsedAt ? (
          format.dateTime(key.lastUsedAt)
        ) : (
          <Typography.Text type="secondary">{t('admin.keys.neverUsed')}</Typography.Text>
        ),
    },
    {
      title: t('admin.keys.status'),
      dataIndex: 'revokedAt',
      render: (_, key) =>
        key.revokedAt ? (
          <ToneTag tone="neutral" icon={<StopOutlined />}>
            {t('admin.keys.revoked', { at: format.dateTime(key.revokedAt) })}
          </ToneTag>
        ) : (
          <ToneTag tone="good" icon={<CheckCircleOutlined />}>
            {t('admin.keys.active')}
          </ToneTag>
        ),
    },
    {
      title: t('admin.keys.actions'),
      key: 'actions',
      render: (_, key) =>
        key.revokedAt ? null : (
          <Popconfirm
            title={t('admin.keys.revokeConfirm', { name: key.name, prefix: key.prefix })}
            okText={t('admin.keys.revoke')}
            okButtonProps={{ danger: true }}
            onConfirm={() => revoke(key)}
          >
            <Button type="link" size="small" danger>
              {t('admin.keys.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <PageContainer title={<PageTitle>{t('admin.keys.title')}</PageTitle>} content={t('admin.keys.intro')}>
      {holder}
      {problem ? (
        <div style={{ marginBottom: 16 }}>
          <ProblemAlert problem={problem} />
        </div>
      ) : null}
      <ProTable<ApiKeyView, { showRevoked: boolean }>
        rowKey="id"
        actionRef={table}
        columns={columns}
        search={false}
        params={{ showRevoked }}
        options={{ reload: true, density: false, setting: false }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('admin.keys.empty') }}
        request={async (params) => {
          const answer = await unwrap(api.GET('/v1/keys'));
          const keys = answer.keys.filter((key) => params.showRevoked || key.revokedAt === null);
          return { data: keys, success: true, total: keys.length };
        }}
        onRequestError={(error) => setProblem(asProblem(error))}
        toolBarRender={() => [
          <span key="revoked" style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
            <Switch id={switchId} size="small" checked={showRevoked} onChange={setShowRevoked} />
            <label htmlFor={switchId}>{t('admin.keys.showRevoked')}</label>
          </span>,
          <ModalForm<CreateValues>
            key="create"
            title={t('admin.keys.create')}
            width={480}
            modalProps={{ destroyOnHidden: true, afterClose: () => setFormProblem(undefined) }}
            trigger={
              <Button type="primary" icon={<PlusOutlined />}>
                {t('admin.keys.create')}
              </Button>
            }
            onFinish={async (values) => {
              setFormProblem(undefined);
              try {
                const answer = await unwrap(
                  api.POST('/v1/keys', { body: { name: values.name.trim(), role: values.role } }),
                );
                setCreated({ name: answer.key.name, secret: answer.secret });
                await table.current?.reload();
                return true;
              } catch (caught) {
                setFormProblem(asProblem(caught));
                return false;
              }
            }}
          >
            {formProblem ? (
              <div style={{ marginBottom: 16 }}>
                <ProblemAlert problem={formProblem} />
              </div>
            ) : null}
            <ProFormText
              name="name"
              label={t('admin.keys.name')}
              extra={t('admin.keys.nameHelp')}
              fieldProps={{ maxLength: 100, autoComplete: 'off' }}
              rules={[{ required: true, whitespace: true, message: t('admin.keys.nameRequired') }]}
            />
            <ProFormSelect
              name="role"
              label={t('admin.keys.role')}
              options={roleOptions}
              rules={[{ required: true, message: t('admin.keys.roleRequired') }]}
            />
          </ModalForm>,
        ]}
      />
      <ShownOnce
        shown={
          created
            ? { title: t('admin.keys.secretTitle', { name: created.name }), secret: created.secret }
            : undefined
        }
        warning={t('admin.keys.secretOnce')}
        onClose={() => setCreated(undefined)}
      />
    </PageContainer>
  );
}
