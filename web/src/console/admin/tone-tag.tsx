import { Tag } from 'antd';
import type { ReactNode } from 'react';

/**
 * A status tag whose words pass WCAG AA (antd's preset green and orange tags are 3.4:1 and 3.1:1 on their own
 * background; these shades are 5:1 or more). The icon and the word carry the meaning; colour only repeats it.
 */
const TONES = {
  good: { color: '#237804', background: '#f6ffed', borderColor: '#b7eb8f' },
  warn: { color: '#ad4e00', background: '#fff7e6', borderColor: '#ffd591' },
  bad: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  neutral: { color: 'rgba(0, 0, 0, 0.88)', background: '#fafafa', borderColor: '#d9d9d9' },
} as const;

export type Tone = keyof typeof TONES;

export function ToneTag({
  tone,
  icon,
  children,
  testId,
}: {
  tone: Tone;
  icon?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Tag icon={icon} style={TONES[tone]} data-testid={testId}>
      {children}
    </Tag>
  );
}
