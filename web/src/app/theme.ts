import type { ThemeConfig } from 'antd';

/**
 * Calm blue on light grey, with every text colour at WCAG AA contrast: antd's default blue,
 * red and grey secondary text fall short of 4.5:1 on white, so they are darkened here.
 */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0958d9',
    // antd derives a lighter hover blue (4.2:1 on white); keep hover and active at AA contrast.
    colorPrimaryHover: '#003eb3',
    colorPrimaryActive: '#002c8c',
    colorLinkHover: '#003eb3',
    colorInfo: '#0958d9',
    colorLink: '#0958d9',
    colorError: '#cf1322',
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    fontSize: 15,
    fontSizeHeading1: 26,
    fontSizeHeading2: 20,
    fontSizeHeading3: 17,
    borderRadius: 8,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Noto Sans SC', 'Microsoft YaHei', 'Source Han Sans SC', sans-serif",
  },
  components: {
    Layout: {
      headerBg: '#ffffff',
      headerHeight: 60,
      headerPadding: '0 16px',
      bodyBg: '#f4f6fa',
      siderBg: '#ffffff',
      footerBg: '#f4f6fa',
    },
  },
};

/**
 * Elder mode (长辈模式): larger text and controls (48 px targets), looser lines, black on white
 * and a darker blue (9:1 on white) so every text meets WCAG AAA contrast where antd allows.
 */
export const elderTheme: ThemeConfig = {
  token: {
    ...theme.token,
    colorPrimary: '#003eb3',
    colorPrimaryHover: '#002c8c',
    colorPrimaryActive: '#001d66',
    colorLink: '#003eb3',
    colorLinkHover: '#002c8c',
    colorInfo: '#003eb3',
    colorError: '#a8071a',
    colorText: '#000000',
    colorTextHeading: '#000000',
    colorTextSecondary: 'rgba(0, 0, 0, 0.82)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.78)',
    colorTextDescription: 'rgba(0, 0, 0, 0.78)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.7)',
    colorBorder: '#595959',
    colorBgLayout: '#ffffff',
    fontSize: 20,
    fontSizeSM: 18,
    fontSizeLG: 22,
    fontSizeHeading1: 32,
    fontSizeHeading2: 26,
    fontSizeHeading3: 22,
    lineHeight: 1.75,
    controlHeight: 48,
    controlHeightSM: 40,
    controlHeightLG: 56,
    lineWidthFocus: 4,
  },
  components: {
    ...theme.components,
    Layout: { ...theme.components?.Layout, headerHeight: 72, bodyBg: '#ffffff', footerBg: '#ffffff' },
  },
};
