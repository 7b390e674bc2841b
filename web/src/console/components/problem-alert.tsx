import { Alert, Button } from 'antd';
import type { ApiProblem } from '../../api/problem.ts';
import { useLocale } from '../i18n.ts';

/**
 * A refusal or failure in the console, in the server's words: its detail, then each field issue (field — rule
 * — message), so a reviewer sees which input was refused and why. A lost connection says so.
 */
export function ProblemAlert({
  problem,
  title,
  onRetry,
}: {
  problem: ApiProblem;
  title?: string;
  onRetry?: () => void;
}) {
  const { t, locale } = useLocale();
  const message = title ?? (problem.network ? t('loadFailed') : (problem.text?.[locale] ?? problem.detail));
  const description =
    problem.issues.length > 0 ? (
      <ul style={{ margin: 0, paddingInlineStart: 18 }}>
        {problem.issues.map((issue) => (
          <li key={`${issue.field}/${issue.rule}`}>
            <code>{issue.field}</code> · <code>{issue.rule}</code> — {issue.message}
          </li>
        ))}
      </ul>
    ) : title || problem.network ? (
      problem.detail
    ) : undefined;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      message={message}
      description={description}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
