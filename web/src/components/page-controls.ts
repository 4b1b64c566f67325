import type { TablePaginationConfig } from 'antd';
import type { TFunction } from 'i18next';

/** The pagination every list page uses: fixed page size, a translated total, server paging. */
export function pageControls(t: TFunction, current: number, pageSize: number, total: number | undefined, onChange: (page: number) => void): TablePaginationConfig {
  return {
    current,
    pageSize,
    total: total ?? 0,
    showSizeChanger: false,
    showTotal: (count) => t('common.total', { count }),
    onChange,
  };
}
