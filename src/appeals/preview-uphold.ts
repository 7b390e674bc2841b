import type { LocalizedText } from '../platform/i18n/localized.ts';
import type { UpholdReason } from './appeal.ts';
import { customerStatusText, renderUpholdReasons, type UpholdReasonInput } from './appeal-texts.ts';
import { scrubbedText } from './appeal-view.ts';

/** What the customer would read if an appeal were upheld this way. */
export interface UpholdPreview {
  readonly statusText: LocalizedText;
  readonly reasons: UpholdReason[];
  readonly message: LocalizedText | null;
}

/**
 * The preview of an uphold — the status line, each reason and the reviewer's own message, in both
 * languages — rendered by the same templates and checks as the decision itself (`renderUpholdReasons`, 422
 * naming the parameter), so the preview is the text sent. Pure: nothing is read or written.
 */
export function previewUphold(input: {
  reasons: readonly UpholdReasonInput[];
  message: LocalizedText | null;
}): UpholdPreview {
  const reasons = renderUpholdReasons(input.reasons);
  return {
    statusText: customerStatusText(
      {
        status: 'resolved',
        resolution: 'upheld',
        slaDueDate: null,
        recheckAttempts: 0,
        upholdReasons: reasons,
      },
      null,
    ),
    reasons: reasons.map((reason) => ({ code: reason.code, params: reason.params, text: reason.text })),
    // Masked as the customer's view masks it (what looks like an ID, card or phone number).
    message: scrubbedText(input.message),
  };
}
