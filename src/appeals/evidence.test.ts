import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/errors/app-error.ts';
import { checkEvidence, normaliseMediaType, sha256Hex, sniffMediaType } from './evidence.ts';

const PDF = new TextEncoder().encode('%PDF-1.7\n%%EOF\n');
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xdb, 0]);
const EXE = Uint8Array.from([0x4d, 0x5a, 0x90, 0x00]);

function refusal(work: () => unknown): [string, string, string] | undefined {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError)
      return [error.code, error.issues[0]?.field ?? '', error.issues[0]?.rule ?? ''];
    throw error;
  }
  return undefined;
}

describe('evidence files', () => {
  it('recognises JPEG, PNG and PDF by their first bytes, and nothing else', () => {
    expect(sniffMediaType(PDF)).toBe('application/pdf');
    expect(sniffMediaType(PNG)).toBe('image/png');
    expect(sniffMediaType(JPEG)).toBe('image/jpeg');
    expect(sniffMediaType(EXE)).toBeNull();
    expect(sniffMediaType(PNG.slice(0, 4))).toBeNull();
    expect(normaliseMediaType('Image/PNG; charset=binary')).toBe('image/png');
  });

  it('accepts a file whose content is what it says, with its SHA-256', () => {
    expect(checkEvidence('application/pdf', PDF, 1024)).toEqual({
      mediaType: 'application/pdf',
      sizeBytes: PDF.length,
      sha256: sha256Hex(PDF),
    });
    expect(sha256Hex(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('refuses other types, empty and oversized files, and content that is not what it says', () => {
    expect(refusal(() => checkEvidence('application/x-msdownload', EXE, 1024))).toEqual([
      'UNSUPPORTED_MEDIA_TYPE',
      'content-type',
      'allowed-media-type',
    ]);
    expect(refusal(() => checkEvidence(undefined, PDF, 1024))?.[2]).toBe('allowed-media-type');
    expect(refusal(() => checkEvidence('application/pdf', EXE, 1024))).toEqual([
      'UNSUPPORTED_MEDIA_TYPE',
      'body',
      'magic-bytes',
    ]);
    expect(refusal(() => checkEvidence('image/jpeg', PNG, 1024))).toEqual([
      'UNSUPPORTED_MEDIA_TYPE',
      'body',
      'magic-bytes',
    ]);
    expect(refusal(() => checkEvidence('image/png', new Uint8Array(0), 1024))).toEqual([
      'VALIDATION_FAILED',
      'body',
      'non-empty',
    ]);
    expect(refusal(() => checkEvidence('application/pdf', PDF, PDF.length - 1))).toEqual([
      'PAYLOAD_TOO_LARGE',
      'body',
      'max-bytes',
    ]);
  });
});
