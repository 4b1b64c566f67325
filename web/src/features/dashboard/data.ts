import { api } from '../../api/client.js';
import type { Campaign, Category, CoverageResponse, ListResponse, Territory } from '../../api/types.js';

/** The deployment's district: the one county in the territory table (西湖区 330106 by default). */
let districtCache: Promise<Territory | null> | undefined;
export function loadDistrict(): Promise<Territory | null> {
  districtCache ??= api.get<ListResponse<Territory>>('/territories', { level: 'county', limit: 2 }).then(
    (r) => (r.items.length === 1 ? (r.items[0] ?? null) : null),
    () => {
      districtCache = undefined;
      return null;
    },
  );
  return districtCache;
}

export const DEFAULT_DISTRICT = '330106';

export async function loadChildren(code: string, signal?: AbortSignal): Promise<Territory[]> {
  return (await api.get<ListResponse<Territory>>(`/territories/${encodeURIComponent(code)}/children`, { limit: 200 }, signal)).items;
}

export async function loadCategories(signal?: AbortSignal): Promise<Category[]> {
  return (await api.get<{ items: Category[] }>('/categories', undefined, signal)).items;
}

/** Campaigns for the filter: the list needs consultations:read, so visitors get none (the URL's one is still shown). */
export async function loadCampaigns(signal?: AbortSignal): Promise<{ id: string; title: string }[]> {
  try {
    return (await api.get<ListResponse<Campaign>>('/campaigns', { limit: 100 }, signal)).items.map((c) => ({ id: c.id, title: c.title }));
  } catch {
    return [];
  }
}

export function loadCoverage(signal?: AbortSignal): Promise<CoverageResponse> {
  return api.get<CoverageResponse>('/public/coverage', undefined, signal);
}
