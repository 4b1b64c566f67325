import type { TFunction } from 'i18next';
import type { Grant } from '../api/types.js';

/** "辖区：北山街道" / "Territory: 北山街道"; the whole district needs no name. */
export function scopeLabel(t: TFunction, grant: Pick<Grant, 'scopeType' | 'scopeId' | 'scopeName'>): string {
  if (grant.scopeType === 'district') return t('scopes.district');
  return t('scopes.named', { scope: t(`scopes.${grant.scopeType}`), name: grant.scopeName ?? grant.scopeId });
}

/** "站长 · 场所：…" — a role with where it applies. */
export function grantLabel(t: TFunction, grant: Pick<Grant, 'role' | 'scopeType' | 'scopeId' | 'scopeName'>): string {
  return `${t(`roles.${grant.role}`)} · ${scopeLabel(t, grant)}`;
}
