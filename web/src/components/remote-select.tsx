import { Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import type { Account, ListResponse, Territory, Unit } from '../api/types.js';

interface Option {
  value: string;
  label: string;
}

interface RemoteSelectProps {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  placeholder?: string;
  'aria-label'?: string;
  search: (q: string) => Promise<Option[]>;
  /** Finds the label of a value that came from elsewhere (an existing record). */
  labelOf?: (value: string) => Promise<string | undefined>;
}

/** A searchable select whose options come from the API as the person types. */
function RemoteSelect({ id, value, onChange, placeholder, search, labelOf, ...rest }: RemoteSelectProps) {
  const { t } = useTranslation();
  const [options, setOptions] = useState<Option[]>([]);
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const latest = useRef(0);

  const run = (q: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const ticket = ++latest.current;
      setLoading(true);
      search(q)
        .then((found) => ticket === latest.current && setOptions(found))
        .catch(() => ticket === latest.current && setOptions([]))
        .finally(() => ticket === latest.current && setLoading(false));
    }, 250);
  };

  useEffect(() => {
    run('');
    return () => clearTimeout(timer.current);
    // The first page of options is loaded once; typing loads the rest.
  }, []);

  useEffect(() => {
    if (!value || !labelOf || options.some((o) => o.value === value)) return;
    let alive = true;
    labelOf(value).then(
      (label) => alive && label && setOptions((prev) => (prev.some((o) => o.value === value) ? prev : [{ value, label }, ...prev])),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [value, labelOf, options]);

  return (
    <Select<string>
      id={id}
      aria-label={rest['aria-label']}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      allowClear
      showSearch={{ filterOption: false, onSearch: run }}
      options={options}
      loading={loading}
      placeholder={placeholder ?? t('common.typeToSearch')}
      notFoundContent={loading ? t('common.loading') : t('common.noMatches')}
    />
  );
}

type PickerProps = Omit<RemoteSelectProps, 'search' | 'labelOf'>;

const territoryLabel = (t: Territory) => `${t.name}（${t.statCode}）`;

/** Picks a territory by name or code. */
export function TerritoryPicker(props: PickerProps) {
  return (
    <RemoteSelect
      {...props}
      search={async (q) =>
        (await api.get<ListResponse<Territory>>('/territories', { q: q || undefined, level: q ? undefined : 'town', limit: 20 })).items.map(
          (t) => ({ value: t.code, label: territoryLabel(t) }),
        )
      }
      labelOf={territoryLabelOf}
    />
  );
}

async function territoryLabelOf(code: string) {
  return territoryLabel(await api.get<Territory>(`/territories/${encodeURIComponent(code)}`));
}

/** Picks a responsible unit by name. */
export function UnitPicker(props: PickerProps) {
  return (
    <RemoteSelect
      {...props}
      search={async (q) =>
        (await api.get<ListResponse<Unit>>('/units', { q: q || undefined, limit: 20 })).items.map((u) => ({ value: u.id, label: u.name }))
      }
      labelOf={unitLabelOf}
    />
  );
}

async function unitLabelOf(id: string) {
  return (await api.get<Unit>(`/units/${encodeURIComponent(id)}`)).name;
}

/** Picks an account by user name or display name. */
export function AccountPicker(props: PickerProps) {
  return (
    <RemoteSelect
      {...props}
      search={async (q) =>
        (await api.get<ListResponse<Account>>('/accounts', { q: q || undefined, limit: 20 })).items.map((a) => ({
          value: a.id,
          label: `${a.displayName}（${a.username}）`,
        }))
      }
    />
  );
}
