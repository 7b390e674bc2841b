import { ProFormDependency, ProFormRadio, ProFormText } from '@ant-design/pro-components';
import { useLocale } from '../i18n.ts';
import { GENERATED_PASSWORD_LENGTH, generatePassword } from './password.ts';

/** The server's rule (src/platform/auth/staff-passwords.ts): 10 to 200 characters. */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

export type PasswordMode = 'generate' | 'type';

export interface PasswordValues {
  readonly passwordMode: PasswordMode;
  readonly password?: string;
}

/** The password a form's values ask for: the typed one, or a new generated one. */
export function chosenPassword(values: PasswordValues): string {
  return values.passwordMode === 'type' && values.password ? values.password : generatePassword();
}

/** "Generate one" (default) or "Type one"; the typed password is checked against the server's length rule. */
export function PasswordFields() {
  const { t } = useLocale();
  return (
    <>
      <ProFormRadio.Group
        name="passwordMode"
        label={t('admin.users.passwordMode')}
        initialValue="generate"
        radioType="button"
        options={[
          { value: 'generate', label: t('admin.users.passwordModes.generate') },
          { value: 'type', label: t('admin.users.passwordModes.type') },
        ]}
      />
      <ProFormDependency name={['passwordMode']}>
        {({ passwordMode }: { passwordMode?: PasswordMode }) =>
          passwordMode === 'type' ? (
            <ProFormText.Password
              name="password"
              label={t('admin.users.password')}
              extra={t('admin.users.passwordHelp', { min: MIN_PASSWORD_LENGTH })}
              fieldProps={{ autoComplete: 'new-password', maxLength: MAX_PASSWORD_LENGTH }}
              rules={[
                { required: true, message: t('admin.users.passwordRequired') },
                {
                  min: MIN_PASSWORD_LENGTH,
                  message: t('admin.users.passwordTooShort', { min: MIN_PASSWORD_LENGTH }),
                },
              ]}
            />
          ) : (
            <div className="ant-form-item-extra" style={{ marginBottom: 24 }}>
              {t('admin.users.generatedHelp', { length: GENERATED_PASSWORD_LENGTH })}
            </div>
          )
        }
      </ProFormDependency>
    </>
  );
}
