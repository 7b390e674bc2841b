import type { Queryable } from '../platform/database/database.ts';
import { createHash } from 'node:crypto';
import { AppError } from '../platform/errors/app-error.ts';

/**
 * Evidence files a customer sends with an appeal: payslips, a bank's letter, a screenshot. Only JPEG, PNG
 * and PDF are accepted, and the content must *be* what the declared type says — the magic bytes are checked,
 * not just the Content-Type header — so an executable renamed `.pdf` is refused. Stored with its SHA-256.
 */
export const EVIDENCE_MEDIA_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type EvidenceMediaType = (typeof EVIDENCE_MEDIA_TYPES)[number];

const SIGNATURES: ReadonlyArray<readonly [EvidenceMediaType, readonly number[]]> = [
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]], // "%PDF-"
];

/** The allowed type the content's first bytes identify, or null. */
export function sniffMediaType(bytes: Uint8Array): EvidenceMediaType | null {
  for (const [type, signature] of SIGNATURES) {
    if (bytes.length >= signature.length && signature.every((byte, index) => bytes[index] === byte))
      return type;
  }
  return null;
}

/** `image/PNG; charset=binary` → `image/png`; anything else unchanged (lower-cased, trimmed). */
export function normaliseMediaType(declared: string | undefined): string {
  return (declared ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

export interface CheckedEvidence {
  readonly mediaType: EvidenceMediaType;
  readonly sizeBytes: number;
  /** Lower-case hex SHA-256 of the content. */
  readonly sha256: string;
}

/**
 * Checks an upload: the declared type on the allow-list (415, field `content-type`), not empty (422),
 * not above the limit (413, field `body`, rule `max-bytes`), and content whose magic bytes match the
 * declared type (415, field `body`, rule `magic-bytes`).
 */
export function checkEvidence(
  declared: string | undefined,
  bytes: Uint8Array,
  maxBytes: number,
): CheckedEvidence {
  const type = normaliseMediaType(declared);
  if (!(EVIDENCE_MEDIA_TYPES as readonly string[]).includes(type)) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      `evidence must be one of ${EVIDENCE_MEDIA_TYPES.join(', ')}`,
      {
        issues: [
          {
            field: 'content-type',
            rule: 'allowed-media-type',
            message: `"${type || '(none)'}" is not accepted; send ${EVIDENCE_MEDIA_TYPES.join(', ')}`,
          },
        ],
      },
    );
  }
  if (bytes.length === 0) throw AppError.invalid('body', 'non-empty', 'the file is empty');
  if (bytes.length > maxBytes) throw evidenceTooLarge(maxBytes);
  const sniffed = sniffMediaType(bytes);
  if (sniffed !== type) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `the content is not a ${type} file`, {
      issues: [
        {
          field: 'body',
          rule: 'magic-bytes',
          message: sniffed
            ? `declared ${type}, but the content is ${sniffed}`
            : `declared ${type}, but the content does not start like a ${type} file`,
        },
      ],
    });
  }
  return { mediaType: type as EvidenceMediaType, sizeBytes: bytes.length, sha256: sha256Hex(bytes) };
}

/** The 413 for a file over the limit, naming the field and the rule. */
export function evidenceTooLarge(maxBytes: number): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', `evidence files may be at most ${maxBytes} bytes`, {
    issues: [{ field: 'body', rule: 'max-bytes', message: `the file is larger than ${maxBytes} bytes` }],
    details: { maxBytes },
  });
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Evidence as listed (never the content). */
export interface EvidenceInfo {
  readonly evidenceId: string;
  readonly customerId: string;
  readonly mediaType: EvidenceMediaType;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly uploadedAt: Date;
}

/**
 * How evidence is kept at rest: sealed with the PII keys (AES-256-GCM, the identity context's vault), the
 * key id beside the bytes so keys can rotate. The owner binds a ciphertext to its customer and evidence id:
 * bytes copied into another row do not open.
 */
export interface SealedContent {
  readonly keyId: string;
  readonly ciphertext: Uint8Array;
}

/** One customer's sealer of evidence: seals under their data key, opens what it names. */
export interface EvidenceSealer {
  readonly activeKeyId: string;
  encryptBytes(kind: 'appeal_evidence', plaintext: Uint8Array, owner: string): SealedContent;
  decryptBytes(kind: 'appeal_evidence', value: SealedContent, owner: string): Uint8Array;
}

/**
 * The port the appeals context seals evidence through: each customer's own data key (the privacy context's
 * keyring implements it). `create` makes the key of a customer from before per-customer keys; an erased
 * customer's sealer answers GONE.
 */
export interface EvidenceCipher {
  /** The key id values sealed under a customer's data key carry (what `reencrypt` moves rows to). */
  readonly customerKeyId: string;
  open(q: Queryable, customerId: string, options?: { readonly create?: boolean }): Promise<EvidenceSealer>;
}

/** The owner a piece of evidence is sealed for. */
export function evidenceOwner(customerId: string, evidenceId: string): string {
  return `${customerId}/${evidenceId}`;
}
