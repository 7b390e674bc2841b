import { Type } from 'typebox';
import { DateString, IdString, InstantString, Nullable, StringEnum } from '../platform/http/schemas.ts';
import { EXPORT_STATUSES, type ExportJob } from './export-ports.ts';

/** A copy of one's data as the API shows it: progress, dates, and where to download it once done. */
export const CopySchema = Type.Object(
  {
    exportId: IdString('dataExport'),
    requestId: IdString('dataSubjectRequest'),
    customerId: IdString('customer'),
    status: StringEnum(EXPORT_STATUSES),
    asOf: DateString('The date the features are computed as of.'),
    identity: StringEnum(['clear', 'masked'] as const, {
      description: 'Identifiers in clear (your own copy) or masked.',
    }),
    channel: StringEnum(['app', 'staff'] as const),
    done: Type.Integer({ minimum: 0, description: 'Steps done.' }),
    total: Type.Integer({ minimum: 1, description: 'Steps in all.' }),
    percent: Type.Integer({ minimum: 0, maximum: 100 }),
    createdAt: InstantString(),
    finishedAt: Nullable(InstantString()),
    expiresAt: Nullable(InstantString('After this instant the files are deleted (a day step purges them).')),
    purged: Type.Boolean({ description: 'The files were deleted after they expired.' }),
    documentSha256: Nullable(
      Type.String({ description: 'SHA-256 (hex) of the JSON document as downloaded.' }),
    ),
    documentBytes: Nullable(Type.Integer({ minimum: 0 })),
    counts: Nullable(
      Type.Record(Type.String(), Type.Integer({ minimum: 0 }), { description: 'Records in each section.' }),
    ),
    error: Nullable(Type.Object({ code: Type.String(), message: Type.String() })),
    links: Nullable(
      Type.Object({
        document: Type.String({ description: 'The JSON document (machine-readable).' }),
        summary: Type.String({ description: 'The readable summary (HTML, zh-CN and en, printable).' }),
      }),
    ),
  },
  { additionalProperties: false },
);

export const CopyListSchema = Type.Object({ items: Type.Array(CopySchema) }, { additionalProperties: false });

export const MyCopyBody = Type.Object(
  { asOf: Type.Optional(DateString('Features as of this date (default today); not in the future.')) },
  { additionalProperties: false },
);

export const StaffCopyBody = Type.Object(
  {
    reason: Type.String({
      minLength: 1,
      maxLength: 500,
      description: 'Why staff ask for the copy on the customer’s behalf (recorded and audited).',
    }),
    asOf: Type.Optional(DateString('Features as of this date (default today); not in the future.')),
    identity: Type.Optional(
      StringEnum(['masked', 'clear'] as const, {
        description: 'masked (default); clear is for admins only, and audited.',
      }),
    ),
  },
  { additionalProperties: false },
);

/** The view of a copy; `base` is the path of the copy, under which `/document` and `/summary` are served. */
export function copyView(job: ExportJob, base: string, now: Date) {
  const available =
    job.status === 'done' && job.purgedAt === null && (job.expiresAt?.getTime() ?? 0) > now.getTime();
  return {
    exportId: job.id,
    requestId: job.requestId,
    customerId: job.customerId,
    status: job.status,
    asOf: job.asOf,
    identity: job.identity,
    channel: job.channel,
    done: job.done,
    total: job.total,
    percent: Math.floor((job.done * 100) / job.total),
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt ? job.finishedAt.toISOString() : null,
    expiresAt: job.expiresAt ? job.expiresAt.toISOString() : null,
    purged: job.purgedAt !== null || (job.status === 'done' && !available),
    documentSha256: job.documentSha256,
    documentBytes: job.documentBytes,
    counts: job.counts ? { ...job.counts } : null,
    error: job.error,
    links: available ? { document: `${base}/document`, summary: `${base}/summary` } : null,
  };
}
