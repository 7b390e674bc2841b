import { App as AntApp, Space, Switch, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ApiProblem } from '../../api/problem.ts';
import type { QueueRunner, QueueTexts } from '../components/queue-table.tsx';
import { asProblem } from '../components/use-load.ts';
import { useLocale } from '../i18n.ts';
import { useStaff } from '../session.tsx';
import type { Actor } from './types.ts';

/** Within this much of its due instant an SLA shows amber ("due soon"); past it, red. */
const CLOSE_MS = 24 * 3_600_000;

/** Now, ticking every 30 s, so a countdown moves while the page is open. */
export function useNow(periodMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), periodMs);
    return () => window.clearInterval(timer);
  }, [periodMs]);
  return now;
}

/** "2 d 3 h", "5 h 10 min", "12 min": the two largest units of a duration. */
export function useDuration() {
  const { t } = useLocale();
  return (ms: number) => {
    const minutes = Math.floor(Math.abs(ms) / 60_000);
    const days = Math.floor(minutes / 1440);
    const hours = Math.floor((minutes % 1440) / 60);
    const mins = minutes % 60;
    const parts: string[] = [];
    if (days > 0) parts.push(t('reviewer.sla.days', { count: days }));
    if (hours > 0 || days > 0) parts.push(t('reviewer.sla.hours', { count: hours }));
    if (days === 0) parts.push(t('reviewer.sla.minutes', { count: mins }));
    return parts.join(' ');
  };
}

/**
 * The SLA as a countdown to the server's due instant: green with time left, amber within a day, red once
 * breached (the server's `slaBreached` counts too). The words say it as well as the colour does.
 */
export function SlaCountdown({
  dueAt,
  breached,
  closed = false,
}: {
  dueAt: string | null;
  breached: boolean;
  closed?: boolean;
}) {
  const { t, format } = useLocale();
  const now = useNow();
  const duration = useDuration();
  if (!dueAt) return <Typography.Text type="secondary">{t('reviewer.sla.none')}</Typography.Text>;
  const left = Date.parse(dueAt) - now;
  const due = t('reviewer.sla.due', { date: format.dateTime(dueAt) });
  if (closed)
    return (
      <Typography.Text type={breached ? 'danger' : 'secondary'}>
        {breached ? `${t('reviewer.sla.breachedLabel')} · ` : ''}
        {due}
      </Typography.Text>
    );
  const over = breached || left <= 0;
  const close = !over && left <= CLOSE_MS;
  return (
    <Tooltip title={due}>
      <Space size={4} wrap>
        <Tag color={over ? 'red' : close ? 'orange' : 'green'} style={{ marginInlineEnd: 0 }}>
          {over
            ? t('reviewer.sla.breachedLabel')
            : close
              ? t('reviewer.sla.closeLabel')
              : t('reviewer.sla.onTrack')}
        </Tag>
        <Typography.Text type={over ? 'danger' : close ? 'warning' : undefined} strong={over || close}>
          {over
            ? t('reviewer.sla.breached', { time: duration(left) })
            : t('reviewer.sla.left', { time: duration(left) })}
        </Typography.Text>
      </Space>
    </Tooltip>
  );
}

const STATUS_COLOURS: Record<string, string> = {
  filed: 'default',
  queued: 'blue',
  open: 'blue',
  in_review: 'geekblue',
  claimed: 'geekblue',
  pending_approval: 'purple',
  resolved: 'green',
  decided: 'green',
  withdrawn: 'default',
  expired: 'default',
};

export function StatusTag({ status, scope = 'status' }: { status: string; scope?: string }) {
  const { t } = useLocale();
  return <Tag color={STATUS_COLOURS[status] ?? 'default'}>{t(`reviewer.${scope}.${status}`)}</Tag>;
}

const OUTCOME_COLOURS: Record<string, string> = { approved: 'green', declined: 'red', referred: 'orange' };

export function OutcomeTag({ outcome }: { outcome: string }) {
  const { t } = useLocale();
  return <Tag color={OUTCOME_COLOURS[outcome] ?? 'default'}>{t(`reviewer.outcome.${outcome}`)}</Tag>;
}

/** Whether `actor` is the signed-in staff member (a staff principal's id is `staff:<userId>`). */
export function useIsMe(): (actor: Actor | null | undefined) => boolean {
  const staff = useStaff();
  return useCallback(
    (actor) =>
      actor !== null &&
      actor !== undefined &&
      (actor.id === `staff:${staff.id}` || actor.id === staff.id || actor.name === staff.username),
    [staff],
  );
}

export function ClaimedBy({ actor }: { actor: Actor | null }) {
  const { t } = useLocale();
  const isMe = useIsMe();
  if (!actor) return <Typography.Text type="secondary">{t('reviewer.common.nobody')}</Typography.Text>;
  return (
    <span>
      {actor.name}
      {isMe(actor) ? <Tag style={{ marginInlineStart: 6 }}>{t('reviewer.common.you')}</Tag> : null}
    </span>
  );
}

/** A product code as words, falling back to the code the server sent. */
export function useProductName(): (code: string) => string {
  const { t } = useLocale();
  // Facilities name their product with a hyphen (cash-loan), decisions with an underscore (cash_loan).
  return (code) => t(`reviewer.products.${code.replace(/-/g, '_')}`, { defaultValue: code });
}

/** Server text in both languages as the appeals answer it ({zh, en}). */
export function useBilingual(): (value: { zh: string; en: string } | null | undefined) => string {
  const { locale } = useLocale();
  return (value) => (value ? (locale === 'en' ? value.en : value.zh) : '');
}

/**
 * Runs an action (claim, release, decide…): a success message; a 409 (someone else holds the case, the
 * claim ran out, the case moved on) said in plain words and the page reloaded; any other refusal handed to
 * the caller to show at its field. Answers the result, or undefined when it was refused.
 */
export function useAction() {
  const { message, modal } = AntApp.useApp();
  const { t, locale } = useLocale();
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async <T,>(
      work: () => Promise<T>,
      options: {
        success?: string;
        reload?: () => unknown;
        onProblem?: (problem: ApiProblem) => boolean;
      } = {},
    ): Promise<T | undefined> => {
      setBusy(true);
      try {
        const result = await work();
        if (options.success) void message.success(options.success);
        await options.reload?.();
        return result;
      } catch (caught) {
        const problem = asProblem(caught);
        if (options.onProblem?.(problem)) return undefined;
        if (problem.status === 409) {
          modal.warning({
            title: t('reviewer.common.staleTitle'),
            content: (
              <div>
                <p>{t('reviewer.common.stale')}</p>
                <Typography.Text type="secondary">{problem.text?.[locale] ?? problem.detail}</Typography.Text>
              </div>
            ),
          });
          await options.reload?.();
        } else {
          void message.error(problem.text?.[locale] ?? problem.detail);
        }
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [message, modal, t, locale],
  );
  return { run, busy, message };
}

/**
 * A reviewer queue's actions for `QueueTable`: claim / release run through `useAction` (a stale claim's 409
 * said plainly, the table reloaded), and the queue's words in the reviewer catalogue.
 */
export function useQueueActions(reload: () => unknown, empty: string) {
  const { t } = useLocale();
  const action = useAction();
  const { run } = action;
  const runner: QueueRunner = async (work, success) =>
    (await run(async () => ({ answer: await work() }), { ...(success ? { success } : {}), reload })) !==
    undefined;
  const queueTexts: QueueTexts = {
    claim: t('reviewer.common.claim'),
    release: t('reviewer.common.release'),
    open: t('reviewer.common.open'),
    refresh: t('reviewer.common.refresh'),
    empty,
  };
  return { ...action, runner, queueTexts };
}

/** A queue's "only mine" switch with its visible label. */
export function MineSwitch({
  id,
  label,
  checked,
  onChange,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <Space size={6}>
      <Switch id={id} checked={checked} onChange={onChange} aria-label={label} />
      <label htmlFor={id}>{label}</label>
    </Space>
  );
}

/**
 * A ProTable `request` over rows the server answers: the rows, or an empty table and the refusal kept for
 * the page's alert (cleared by the next good answer).
 */
export function useTableRequest() {
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const load = useCallback(async <T,>(rows: () => Promise<T[]>) => {
    try {
      const data = await rows();
      setProblem(undefined);
      return { data, success: true, total: data.length };
    } catch (caught) {
      setProblem(asProblem(caught));
      return { data: [] as T[], success: false };
    }
  }, []);
  return { problem, load };
}

export { ApiProblem };
