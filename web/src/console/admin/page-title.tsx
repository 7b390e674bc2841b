import { Typography } from 'antd';

/**
 * A page's title as a real heading (level 2, under the layout's product name): PageContainer renders its title
 * as a plain span, so a screen reader's list of headings would not show the page at all.
 */
export function PageTitle({ children }: { children: string }) {
  return (
    <Typography.Title level={2} style={{ margin: 0, fontSize: 20, lineHeight: '32px' }}>
      {children}
    </Typography.Title>
  );
}
