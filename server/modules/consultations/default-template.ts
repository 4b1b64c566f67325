/** The id of the default procedure the 20261129T1510 migration installs (frozen there). */
export const DEFAULT_TEMPLATE_ID = '01960000-0000-7000-8000-000000000001';
