import { Type, type Static } from 'typebox';
import { actorOfPrincipal } from '../platform/audit/audit-log.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { InstantString, problems, StringEnum } from '../platform/http/schemas.ts';
import type { HttpServer } from '../platform/http/server.ts';
import { CONSENT_PURPOSES, isConsentPurpose } from './consent.ts';
import { noticeInForce, type ConsentNotice } from './consent-notices.ts';
import { listNotices } from './consent-notices.pg.ts';
import { publishConsentNotice, type ConsentNoticeDeps } from './consent-notices-publish.ts';

export const ConsentNoticeDto = Type.Object({
  purpose: StringEnum(CONSENT_PURPOSES),
  version: Type.Integer({ minimum: 1 }),
  effectiveFrom: InstantString(),
  text: Type.Object({ zh: Type.String(), en: Type.String() }),
  sha256: Type.String({ description: 'SHA-256 (hex) of the purpose, version and both texts.' }),
  publishedAt: InstantString(),
  publishedBy: Type.String(),
  inForce: Type.Boolean({ description: 'The version of its purpose in force now.' }),
});

function noticeDto(notice: ConsentNotice, inForce: boolean): Static<typeof ConsentNoticeDto> {
  return {
    ...notice,
    effectiveFrom: notice.effectiveFrom.toISOString(),
    publishedAt: notice.publishedAt.toISOString(),
    inForce,
  };
}

const NoticeBody = Type.Object(
  {
    purpose: StringEnum(CONSENT_PURPOSES),
    effectiveFrom: Type.Optional(InstantString('When this version takes effect: now (default) or later.')),
    text: Type.Object(
      {
        zh: Type.String({ minLength: 1, maxLength: 20_000 }),
        en: Type.String({ minLength: 1, maxLength: 20_000 }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

/** `/v1/consent-notices`: the versioned notices (admin publishes; everyone signed in reads). */
export function registerConsentNoticeRoutes(http: HttpServer, deps: ConsentNoticeDeps): void {
  http.get(
    '/v1/consent-notices',
    {
      config: { roles: ['app', 'reviewer', 'analyst'] },
      schema: {
        tags: ['consent'],
        summary: 'Every version of the consent notices, by purpose, with the one in force now.',
        querystring: Type.Object(
          { purpose: Type.Optional(StringEnum(CONSENT_PURPOSES)) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ notices: Type.Array(ConsentNoticeDto) }), ...problems(401, 403) },
      },
    },
    async (request) => {
      const purpose = request.query.purpose;
      const notices = await listNotices(deps.db, purpose && isConsentPurpose(purpose) ? purpose : undefined);
      const now = deps.clock.now();
      return {
        notices: notices.map((notice) =>
          noticeDto(notice, noticeInForce(notices, notice.purpose, now)?.version === notice.version),
        ),
      };
    },
  );

  http.post(
    '/v1/consent-notices',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['consent'],
        summary:
          "Publish the next version of a purpose's notice (effective now or later; never in the past). The same texts and instant again return the version published.",
        body: NoticeBody,
        response: {
          200: ConsentNoticeDto,
          201: ConsentNoticeDto,
          ...problems(400, 401, 403, 422),
        },
      },
    },
    async (request, reply) => {
      const principal = request.principal;
      if (!principal) throw new AppError('UNAUTHENTICATED', 'an API key or a staff session is required');
      const { notice, created } = await publishConsentNotice(deps, {
        purpose: request.body.purpose,
        ...(request.body.effectiveFrom ? { effectiveFrom: new Date(request.body.effectiveFrom) } : {}),
        text: request.body.text,
        actor: actorOfPrincipal(principal),
      });
      const now = deps.clock.now();
      reply.code(created ? 201 : 200);
      return noticeDto(notice, notice.effectiveFrom.getTime() <= now.getTime());
    },
  );
}
