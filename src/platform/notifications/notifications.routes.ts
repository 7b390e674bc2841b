import { Type } from 'typebox';
import { IdString, InstantString, ProblemSchema, StringEnum } from '../http/schemas.ts';
import type { HttpServer } from '../http/server.ts';
import { MESSAGE_CHANNELS } from './rules.ts';
import { MESSAGE_KINDS } from './templates.ts';
import type { CustomerMessage } from './message.ts';
import type { Notifications } from './notifications.ts';

const strict = { additionalProperties: false } as const;

/** A customer message as staff see it: the text in both languages and where its delivery stands. */
export const CustomerMessageDto = Type.Object(
  {
    id: IdString('notification'),
    kind: StringEnum(MESSAGE_KINDS),
    subjectId: Type.String({
      description: 'The account it is about: a loan, a line, a plan or a limit review.',
    }),
    occasion: Type.String({
      description: 'With kind and subject, the de-duplication key (a due date, a statement).',
    }),
    channel: StringEnum(MESSAGE_CHANNELS),
    text: Type.Object({ 'zh-CN': Type.String(), en: Type.String() }, strict),
    createdAt: InstantString(),
    status: StringEnum(['pending', 'delivered', 'failed'] as const),
    attempts: Type.Integer({ minimum: 0 }),
    nextAttemptAt: Type.Union([InstantString(), Type.Null()], {
      description:
        'When the next attempt is due (pending only): after a back-off, or 08:00 after quiet hours.',
    }),
    lastError: Type.Union([Type.String(), Type.Null()]),
    deliveredAt: Type.Union([InstantString(), Type.Null()]),
    failedAt: Type.Union([InstantString(), Type.Null()]),
  },
  { ...strict, title: 'CustomerMessage' },
);

export function customerMessageDto(message: CustomerMessage) {
  return {
    id: message.id,
    kind: message.kind,
    subjectId: message.subjectId,
    occasion: message.occasion,
    channel: message.channel,
    text: { 'zh-CN': message.text.zh, en: message.text.en },
    createdAt: message.createdAt.toISOString(),
    status: message.status,
    attempts: message.attempts,
    nextAttemptAt: message.status === 'pending' ? message.nextAttemptAt.toISOString() : null,
    lastError: message.lastError,
    deliveredAt: message.deliveredAt?.toISOString() ?? null,
    failedAt: message.failedAt?.toISOString() ?? null,
  };
}

/** `GET /v1/customers/{id}/messages`: what the customer was sent, newest first, with delivery status. */
export function registerNotificationRoutes(
  http: HttpServer,
  services: { notifications: Notifications },
): void {
  http.get(
    '/v1/customers/:id/messages',
    {
      config: { roles: ['reviewer'] },
      schema: {
        tags: ['customers'],
        summary:
          "A customer's messages (reminders, payments, overdue notices, statements), newest first, with delivery status.",
        params: Type.Object({ id: IdString('customer') }, strict),
        querystring: Type.Object(
          {
            limit: Type.Optional(Type.String({ pattern: '^(100|[1-9][0-9]?)$' })),
            before: Type.Optional(IdString('notification', 'The last id of the previous page.')),
          },
          strict,
        ),
        response: {
          200: Type.Object({ messages: Type.Array(CustomerMessageDto) }, strict),
          400: ProblemSchema,
          401: ProblemSchema,
          403: ProblemSchema,
        },
      },
    },
    async (request) => {
      const { limit, before } = request.query;
      const messages = await services.notifications.list(request.params.id, {
        limit: limit ? Number(limit) : 50,
        ...(before ? { before } : {}),
      });
      return { messages: messages.map(customerMessageDto) };
    },
  );
}
