import { LockOutlined, PlusOutlined, StopOutlined, CheckCircleOutlined } from '@ant-design/icons';
import {
  ModalForm,
  PageContainer,
  ProFormSelect,
  ProFormText,
  ProTable,
  type ActionType,
  type ProColumns,
} from '@ant-design/pro-components';
import { Button, Popconfirm, Space, Tag, Tooltip, Typography, message } from 'antd';
import { useRef, useState } from 'react';
import type { ApiProblem } from '../../api/problem.ts';
import { api, unwrap } from '../api.ts';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { asProblem } from '../components/use-load.ts';
import { useLocale } from '../i18n.ts';
import { PageTitle } from './page-title.tsx';
import { useStaff } from '../session.tsx';
import { chosenPassword, PasswordFields, type PasswordValues } from './password-fields.tsx';
import { useHeld } from '../components/use-held.ts';
import { ShownOnce } from './shown-once.tsx';
import { ToneTag } from './tone-tag.tsx';
import { STAFF_ROLES, type StaffUserView } from './types.ts';

/** What the user's row says about sign-in: disabled, locked (until when), or active. */
export function userStatus(user: StaffUserView, now: number): 'active' | 'disabled' | 'locked' {
  if (user.disabled) return 'disabled';
  if (user.lockedUntil && Date.parse(user.lockedUntil) > now) return 'locked';
  return 'active';
}

const STATUS_TONE = { active: 'good', disabled: 'neutral', locked: 'warn' } as const;
const STATUS_ICON = {
  active: <CheckCircleOutlined />,
  disabled: <StopOutlined />,
  locked: <LockOutlined />,
} as const;

/** Each user's newest good sign-in, and how far back the log was read (null: the whole log). */
interface LastSignIns {
  readonly byUser: ReadonlyMap<string, string>;
  readonly windowStart: string | null;
}

/** How many of the newest sign-in entries the list reads for its "last sign-in" column. */
const SIGN_IN_WINDOW = 500;

/**
 * Last sign-ins from the audit log (the user records do not carry one): one read of the newest sign-in entries,
 * newest first, so the first good one per user is their last. When the log holds more than the window, a user
 * not found in it is shown as "not since <the window's oldest entry>", never as "never".
 */
async function lastSignIns(): Promise<LastSignIns> {
  const page = await unwrap(
    api.GET('/v1/audit', { params: { query: { action: 'staff.sign-in', limit: String(SIGN_IN_WINDOW) } } }),
  );
  const byUser = new Map<string, string>();
  for (const entry of page.items)
    if (entry.outcome === 'ok' && entry.actor.kind === 'staff' && !byUser.has(entry.actor.id))
      byUser.set(entry.actor.id, entry.at);
  return { byUser, windowStart: page.next === null ? null : (page.items.at(-1)?.at ?? null) };
}

interface CreateValues extends PasswordValues {
  readonly username: string;
  readonly displayName: string;
  readonly role: StaffUserView['role'];
}

/** Staff users: who may sign in to the console, with which role; create, disable/enable, reset a password. */
export function UsersPage() {
  const { t, format } = useLocale();
  const me = useStaff();
  const table = useRef<ActionType>(undefined);
  const [notice, holder] = message.useMessage();
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const [formProblem, setFormProblem] = useState<ApiProblem | undefined>(undefined);
  const [shown, setShown] = useState<{ name: string; password: string } | undefined>(undefined);
  const [resetting, setResetting] = useState<StaffUserView | undefined>(undefined);
  const { held: heldResetting, release: releaseResetting } = useHeld(resetting);
  const [loadedAt, setLoadedAt] = useState(0);
  const [signedIn, setSignedIn] = useState<LastSignIns>({ byUser: new Map(), windowStart: null });

  /**
   * Runs a change; its refusal is shown in the server's words where the admin is looking: in the open dialog
   * (`inForm`), or above the table.
   */
  async function change(run: () => Promise<unknown>, done: string, inForm = false): Promise<boolean> {
    const show = inForm ? setFormProblem : setProblem;
    setProblem(undefined);
    setFormProblem(undefined);
    try {
      await run();
      void notice.success(done);
      await table.current?.reload();
      return true;
    } catch (caught) {
      show(asProblem(caught));
      return false;
    }
  }

  const formAlert = formProblem ? (
    <div style={{ marginBottom: 16 }}>
      <ProblemAlert problem={formProblem} />
    </div>
  ) : null;

  const roleOptions = STAFF_ROLES.map((role) => ({ value: role, label: t(`admin.roles.${role}`) }));

  const columns: ProColumns<StaffUserView>[] = [
    {
      title: t('admin.users.username'),
      dataIndex: 'username',
      render: (_, user) => (
        <Space size={4}>
          <Typography.Text code>{user.username}</Typography.Text>
          {user.id === me.id ? (
            <Typography.Text type="secondary">{t('admin.users.you')}</Typography.Text>
          ) : null}
        </Space>
      ),
    },
    { title: t('admin.users.displayName'), dataIndex: 'displayName' },
    {
      title: t('admin.users.role'),
      dataIndex: 'role',
      filters: roleOptions.map(({ value, label }) => ({ value, text: label })),
      onFilter: (value, user) => user.role === value,
      render: (_, user) => <Tag color="blue">{t(`admin.roles.${user.role}`)}</Tag>,
    },
    {
      title: t('admin.users.status'),
      key: 'status',
      render: (_, user) => {
        const status = userStatus(user, loadedAt);
        return (
          <ToneTag tone={STATUS_TONE[status]} icon={STATUS_ICON[status]} testId={`status-${user.username}`}>
            {t(`admin.users.statuses.${status}`)}
          </ToneTag>
        );
      },
    },
    {
      title: t('admin.users.lastSignIn'),
      key: 'lastSignIn',
      render: (_, user) => {
        const at = signedIn.byUser.get(user.id);
        if (at) return format.dateTime(at);
        return (
          <Typography.Text type="secondary">
            {signedIn.windowStart
              ? t('admin.users.notSince', { at: format.dateTime(signedIn.windowStart) })
              : t('admin.users.never')}
          </Typography.Text>
        );
      },
    },
    {
      title: t('admin.users.lockedUntil'),
      dataIndex: 'lockedUntil',
      render: (_, user) =>
        user.lockedUntil && Date.parse(user.lockedUntil) > loadedAt
          ? format.dateTime(user.lockedUntil)
          : t('admin.users.notLocked'),
    },
    {
      title: t('admin.users.createdAt'),
      dataIndex: 'createdAt',
      render: (_, user) => format.date(user.createdAt),
    },
    {
      title: t('admin.users.actions'),
      key: 'actions',
      render: (_, user) => {
        const name = user.displayName;
        const self = user.id === me.id;
        return (
          <Space size={0} wrap>
            {user.disabled ? (
              <Popconfirm
                title={t('admin.users.enableConfirm', { name })}
                onConfirm={() =>
                  change(
                    () =>
                      unwrap(api.POST('/v1/staff/users/{id}/enable', { params: { path: { id: user.id } } })),
                    t('admin.users.enabled', { name }),
                  )
                }
              >
                <Button type="link" size="small">
                  {t('admin.users.enable')}
                </Button>
              </Popconfirm>
            ) : (
              <Tooltip title={self ? t('admin.users.cannotDisableSelf') : undefined}>
                <Popconfirm
                  title={t('admin.users.disableConfirm', { name })}
                  okButtonProps={{ danger: true }}
                  disabled={self}
                  onConfirm={() =>
                    change(
                      () =>
                        unwrap(
                          api.POST('/v1/staff/users/{id}/disable', { params: { path: { id: user.id } } }),
                        ),
                      t('admin.users.disabled', { name }),
                    )
                  }
                >
                  <Button type="link" size="small" danger disabled={self}>
                    {t('admin.users.disable')}
                  </Button>
                </Popconfirm>
              </Tooltip>
            )}
            <Button type="link" size="small" onClick={() => setResetting(user)}>
              {t('admin.users.resetPassword')}
            </Button>
          </Space>
        );
      },
    },
  ];

  return (
    <PageContainer title={<PageTitle>{t('admin.users.title')}</PageTitle>} content={t('admin.users.intro')}>
      {holder}
      {problem ? (
        <div style={{ marginBottom: 16 }}>
          <ProblemAlert problem={problem} />
        </div>
      ) : null}
      <ProTable<StaffUserView>
        rowKey="id"
        actionRef={table}
        columns={columns}
        search={false}
        options={{ reload: true, density: false, setting: false }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('admin.users.empty') }}
        request={async () => {
          const [answer, signIns] = await Promise.all([unwrap(api.GET('/v1/staff/users')), lastSignIns()]);
          setLoadedAt(Date.now());
          setSignedIn(signIns);
          return { data: [...answer.users], success: true, total: answer.users.length };
        }}
        onRequestError={(error) => setProblem(asProblem(error))}
        toolBarRender={() => [
          <ModalForm<CreateValues>
            key="create"
            title={t('admin.users.create')}
            width={480}
            modalProps={{ destroyOnHidden: true, afterClose: () => setFormProblem(undefined) }}
            trigger={
              <Button type="primary" icon={<PlusOutlined />}>
                {t('admin.users.create')}
              </Button>
            }
            onFinish={async (values) => {
              const password = chosenPassword(values);
              const created = await change(
                () =>
                  unwrap(
                    api.POST('/v1/staff/users', {
                      body: {
                        username: values.username.trim(),
                        displayName: values.displayName.trim(),
                        role: values.role,
                        password,
                      },
                    }),
                  ),
                t('admin.users.created', { name: values.displayName.trim() }),
                true,
              );
              if (created) setShown({ name: values.displayName.trim(), password });
              return created;
            }}
          >
            {formAlert}
            <ProFormText
              name="username"
              label={t('admin.users.username')}
              extra={t('admin.users.usernameHelp')}
              fieldProps={{ autoComplete: 'off', maxLength: 64 }}
              rules={[{ required: true, whitespace: true, message: t('admin.users.usernameRequired') }]}
            />
            <ProFormText
              name="displayName"
              label={t('admin.users.displayName')}
              fieldProps={{ maxLength: 100 }}
              rules={[{ required: true, whitespace: true, message: t('admin.users.displayNameRequired') }]}
            />
            <ProFormSelect
              name="role"
              label={t('admin.users.role')}
              options={roleOptions}
              rules={[{ required: true, message: t('admin.users.roleRequired') }]}
            />
            <PasswordFields />
          </ModalForm>,
        ]}
      />
      <ModalForm<PasswordValues>
        title={heldResetting ? t('admin.users.resetTitle', { name: heldResetting.displayName }) : undefined}
        open={resetting !== undefined}
        width={480}
        modalProps={{
          destroyOnHidden: true,
          onCancel: () => setResetting(undefined),
          afterClose: () => {
            setFormProblem(undefined);
            releaseResetting();
          },
        }}
        onFinish={async (values) => {
          if (!resetting) return false;
          const user = resetting;
          const password = chosenPassword(values);
          const done = await change(
            () =>
              unwrap(
                api.POST('/v1/staff/users/{id}/password', {
                  params: { path: { id: user.id } },
                  body: { password },
                }),
              ),
            t('admin.users.resetDone', { name: user.displayName }),
            true,
          );
          if (done) {
            setResetting(undefined);
            setShown({ name: user.displayName, password });
          }
          return done;
        }}
      >
        {formAlert}
        <PasswordFields />
      </ModalForm>
      <ShownOnce
        shown={
          shown
            ? { title: t('admin.users.passwordShown', { name: shown.name }), secret: shown.password }
            : undefined
        }
        warning={t('admin.users.passwordOnce')}
        onClose={() => setShown(undefined)}
      />
    </PageContainer>
  );
}
