import { Tag, Typography } from 'antd';
import type { paths } from '../../api/schema';
import { useLocale } from '../i18n.ts';
import { useStaff } from '../session.tsx';

type CaseFile = paths['/v1/collections/cases/{id}']['get']['responses'][200]['content']['application/json'];
export type CollectionCase = CaseFile['case'];
export type CaseContact = CaseFile['contacts'][number];
export type CasePromise = CaseFile['promises'][number];
export type CaseEvent = CaseFile['history'][number];
export type Bucket = CollectionCase['bucket'];
export const BUCKETS: readonly Bucket[] = ['M1', 'M2', 'M3+'];

const BUCKET_COLOURS: Record<Bucket, string> = { M1: 'gold', M2: 'orange', 'M3+': 'red' };

/** The bucket as a tag; the words (M1 …) say it as well as the colour does. */
export function BucketTag({ bucket }: { bucket: Bucket }) {
  return <Tag color={BUCKET_COLOURS[bucket]}>{bucket}</Tag>;
}

/** Whether the claim is the signed-in collector's (a staff principal's id is `staff:<userId>`). */
export function useIsMine(): (claimedBy: { id: string; name: string } | null) => boolean {
  const staff = useStaff();
  return (claimedBy) =>
    claimedBy !== null && (claimedBy.id === `staff:${staff.id}` || claimedBy.id === staff.id);
}

/** Who holds the case, and until when. */
export function ClaimedBy({ row }: { row: Pick<CollectionCase, 'claimedBy' | 'claimExpiresAt'> }) {
  const { t, format } = useLocale();
  const isMine = useIsMine();
  const live = row.claimedBy && row.claimExpiresAt && Date.parse(row.claimExpiresAt) > Date.now();
  if (!row.claimedBy || !live)
    return <Typography.Text type="secondary">{t('collections.common.nobody')}</Typography.Text>;
  return (
    <span>
      {row.claimedBy.name}
      {isMine(row.claimedBy) ? (
        <Tag style={{ marginInlineStart: 6 }}>{t('collections.common.you')}</Tag>
      ) : null}
      {row.claimExpiresAt ? (
        <Typography.Text type="secondary" style={{ marginInlineStart: 6 }}>
          {t('collections.common.claimUntil', { time: format.dateTime(row.claimExpiresAt) })}
        </Typography.Text>
      ) : null}
    </span>
  );
}
