import { Form, Input, Select, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROLE_SCOPES, ROLES, type Role, type ScopeType } from '../../api/types.js';
import { TerritoryPicker, UnitPicker } from '../../components/remote-select.js';

export interface GrantValues {
  role?: Role;
  scopeType?: ScopeType;
  scopeId?: string | null;
}

/** Where server field paths of a grant land in a form made of GrantFields. */
export const GRANT_FIELD_MAP = {
  role: 'role',
  scopeType: 'scopeType',
  scopeId: 'scopeId',
  'grants.0.role': 'role',
  'grants.0.scopeType': 'scopeType',
  'grants.0.scopeId': 'scopeId',
} as const;

/** Role, scope type (limited to what the role allows) and the scope itself. */
export function GrantFields({ form }: { form: FormInstance }) {
  const { t } = useTranslation();
  const role = Form.useWatch<Role | undefined>('role', form);
  const scopeType = Form.useWatch<ScopeType | undefined>('scopeType', form);
  const allowed = role ? ROLE_SCOPES[role] : [];

  return (
    <>
      <Form.Item name="role" label={t('accounts.role')} rules={[{ required: true }]}>
        <Select<Role>
          options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          onChange={(next) => form.setFieldsValue({ scopeType: ROLE_SCOPES[next][0], scopeId: null })}
        />
      </Form.Item>
      <Form.Item name="scopeType" label={t('accounts.scopeType')} rules={[{ required: true }]}>
        <Select<ScopeType>
          disabled={!role}
          options={allowed.map((s) => ({ value: s, label: t(`scopes.${s}`) }))}
          onChange={() => form.setFieldValue('scopeId', null)}
        />
      </Form.Item>
      {scopeType === 'territory' && (
        <Form.Item name="scopeId" label={t('scopes.territory')} rules={[{ required: true }]}>
          <TerritoryPicker />
        </Form.Item>
      )}
      {scopeType === 'unit' && (
        <Form.Item name="scopeId" label={t('scopes.unit')} rules={[{ required: true }]}>
          <UnitPicker />
        </Form.Item>
      )}
      {scopeType === 'venue' && (
        <Form.Item name="scopeId" label={t('accounts.venueId')} rules={[{ required: true, whitespace: true }]} extra={t('accounts.venueHint')}>
          <Input maxLength={64} />
        </Form.Item>
      )}
    </>
  );
}

/** The API body for a grant from the form's values. */
export function grantBody(values: GrantValues) {
  return {
    role: values.role as Role,
    scopeType: values.scopeType as ScopeType,
    scopeId: values.scopeType === 'district' ? '' : (values.scopeId ?? '').trim(),
  };
}
