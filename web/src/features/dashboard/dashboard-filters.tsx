import { Button, Input, Radio, Select, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Category, Territory } from '../../api/types.js';
import { useRequest } from '../../api/use-request.js';
import { useSession } from '../../session/session.js';
import { DEFAULT_DISTRICT, loadCampaigns, loadCategories, loadChildren, loadCoverage, loadDistrict } from './data.js';
import type { Filters } from './filters.js';

export type View = 'district' | 'town' | 'station';

export function viewOf(filters: Filters): View {
  if (filters.venue) return 'station';
  if (filters.territory && filters.territory.length > 6) return 'town';
  return 'district';
}

interface TreeNode {
  value: string;
  title: string;
  children?: TreeNode[];
}

function categoryTree(items: Category[], en: boolean): TreeNode[] {
  const byParent = new Map<string | null, Category[]>();
  for (const c of items) byParent.set(c.parentId, [...(byParent.get(c.parentId) ?? []), c]);
  const known = new Set(items.map((c) => c.id));
  const build = (parent: string | null): TreeNode[] =>
    (byParent.get(parent) ?? []).map((c) => {
      const children = build(c.id);
      return { value: c.id, title: en ? c.nameEn || c.nameZh : c.nameZh, ...(children.length ? { children } : {}) };
    });
  // Roots: no parent, or a parent that is not active any more.
  const roots = items.filter((c) => c.parentId === null || !known.has(c.parentId)).map((c) => c.parentId);
  return [...new Set(roots)].flatMap((p) => build(p));
}

/**
 * The dashboard's filters. Every change goes through `onChange` into the URL; the URL is the
 * only state, so a shared or reopened address shows the same view.
 */
export function DashboardFilters({ filters, onChange, campaignTitle, period }: { filters: Filters; onChange: (next: Filters) => void; campaignTitle?: string; period?: { from: string; to: string } }) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const [stationMode, setStationMode] = useState(false);
  const view: View = filters.venue || stationMode ? 'station' : viewOf(filters);
  const town = filters.territory && filters.territory.length > 6 ? filters.territory.slice(0, 9) : undefined;

  const district = useRequest(async () => (await loadDistrict()) ?? ({ code: DEFAULT_DISTRICT, name: DEFAULT_DISTRICT } as Territory), 'district');
  const districtCode = district.data?.code ?? DEFAULT_DISTRICT;
  const towns = useRequest((signal) => loadChildren(districtCode, signal), `towns:${districtCode}`);
  const communities = useRequest((signal) => (town ? loadChildren(town, signal) : Promise.resolve([])), `communities:${town ?? ''}`);
  const categories = useRequest((signal) => loadCategories(signal), 'categories');
  const mayListCampaigns = can('consultations:read');
  const campaigns = useRequest((signal) => (mayListCampaigns ? loadCampaigns(signal) : Promise.resolve([])), `campaigns:${mayListCampaigns}`);
  const coverage = useRequest((signal) => (view === 'station' ? loadCoverage(signal) : Promise.resolve(null)), `coverage:${view === 'station'}`);

  const territoryOptions = useMemo(() => {
    const groups: { label: string; title: string; options: { value: string; label: string }[] }[] = [
      { label: t('dashboard.filter.districtGroup'), title: t('dashboard.filter.districtGroup'), options: [{ value: districtCode, label: district.data && district.data.name !== districtCode ? district.data.name : t('dashboard.filter.districtGroup') }] },
      { label: t('dashboard.filter.townGroup'), title: t('dashboard.filter.townGroup'), options: (towns.data ?? []).map((x) => ({ value: x.code, label: x.name })) },
    ];
    const townName = towns.data?.find((x) => x.code === town)?.name;
    if (town && communities.data?.length) {
      const label = t('dashboard.filter.communityGroup', { name: townName ?? town });
      groups.push({ label, title: label, options: communities.data.map((x) => ({ value: x.code, label: x.name })) });
    }
    return groups;
  }, [t, districtCode, district.data, towns.data, communities.data, town]);

  const tree = useMemo(() => categoryTree(categories.data ?? [], i18n.language === 'en'), [categories.data, i18n.language]);
  const campaignOptions = useMemo(() => {
    const list = (campaigns.data ?? []).map((c) => ({ value: c.id, label: c.title }));
    if (filters.campaign && !list.some((o) => o.value === filters.campaign)) list.unshift({ value: filters.campaign, label: campaignTitle ?? filters.campaign });
    return list;
  }, [campaigns.data, filters.campaign, campaignTitle]);

  const set = (patch: Partial<Filters>) => {
    const next: Filters = { ...filters, ...patch };
    for (const k of Object.keys(next) as (keyof Filters)[]) if (!next[k]) delete next[k];
    onChange(next);
  };

  const switchView = (v: View) => {
    // The station view waits for a station to be picked before the figures change.
    setStationMode(v === 'station');
    if (v === 'district') set({ territory: undefined, venue: undefined });
    if (v === 'town') set({ territory: town ?? towns.data?.[0]?.code, venue: undefined });
  };

  const month = (name: 'from' | 'to') => (
    <div className="mh-dash-filter">
      <label htmlFor={`dash-${name}`}>{t(`dashboard.filter.${name}`)}</label>
      <Input
        id={`dash-${name}`}
        type="month"
        value={filters[name] ?? period?.[name] ?? ''}
        onChange={(e) => {
          const v = e.target.value;
          if (!v || /^\d{4}-\d{2}$/.test(v)) set({ [name]: v || undefined });
        }}
      />
    </div>
  );

  return (
    <section className="mh-dash-filters mh-no-print" aria-label={t('dashboard.filter.title')}>
      <div className="mh-dash-filter mh-dash-filter-wide">
        <span id="dash-view-label">{t('dashboard.filter.view')}</span>
        <Radio.Group
          aria-labelledby="dash-view-label"
          optionType="button"
          value={view}
          onChange={(e) => switchView(e.target.value as View)}
          options={(['district', 'town', 'station'] as const).map((v) => ({ value: v, label: t(`dashboard.views.${v}`) }))}
        />
      </div>
      {view === 'station' ? (
        <div className="mh-dash-filter">
          <label htmlFor="dash-station">{t('dashboard.filter.station')}</label>
          <Select<string>
            id="dash-station"
            aria-label={t('dashboard.filter.station')}
            value={filters.venue}
            placeholder={t('dashboard.filter.pickStation')}
            loading={coverage.loading}
            showSearch={{ optionFilterProp: 'label' }}
            onChange={(v) => set({ venue: v, territory: undefined })}
            options={(coverage.data?.stations ?? []).map((s) => ({ value: s.id, label: s.name }))}
          />
        </div>
      ) : (
        <div className="mh-dash-filter">
          <label htmlFor="dash-territory">{t('dashboard.filter.territory')}</label>
          <Select<string>
            id="dash-territory"
            aria-label={t('dashboard.filter.territory')}
            value={filters.territory ?? districtCode}
            showSearch={{ optionFilterProp: 'label' }}
            onChange={(v) => set({ territory: v === districtCode ? undefined : v, venue: undefined })}
            options={territoryOptions}
          />
        </div>
      )}
      {month('from')}
      {month('to')}
      <div className="mh-dash-filter">
        <label htmlFor="dash-category">{t('dashboard.filter.category')}</label>
        <TreeSelect
          id="dash-category"
          aria-label={t('dashboard.filter.category')}
          allowClear
          treeDefaultExpandAll={false}
          placeholder={t('dashboard.filter.allCategories')}
          value={filters.category}
          onChange={(v: string | undefined) => set({ category: v })}
          treeData={tree}
          showSearch={{ treeNodeFilterProp: 'title' }}
        />
      </div>
      <div className="mh-dash-filter">
        <label htmlFor="dash-campaign">{t('dashboard.filter.campaign')}</label>
        <Select<string>
          id="dash-campaign"
          aria-label={t('dashboard.filter.campaign')}
          allowClear
          placeholder={t('dashboard.filter.allCampaigns')}
          value={filters.campaign}
          onChange={(v) => set({ campaign: v })}
          options={campaignOptions}
          notFoundContent={t('dashboard.filter.noCampaigns')}
        />
      </div>
      <div className="mh-dash-filter mh-dash-filter-reset">
        <Button onClick={() => onChange({})}>{t('dashboard.filter.reset')}</Button>
      </div>
    </section>
  );
}
