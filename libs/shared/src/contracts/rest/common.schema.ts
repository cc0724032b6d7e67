import { z } from 'zod';

/** A MongoDB ObjectId as 24 hex characters. */
export const objectIdSchema = z.string().regex(/^[0-9a-fA-F]{24}$/, 'must be a 24-character hex id');

// FerretDB cannot store NUL, and no other control character (C0 or C1) belongs in prose.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// Bidirectional embeddings, overrides and isolates make text display in another order than it is
// stored (a link or a name that reads differently from what it is); the direction marks stay allowed.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;
// Half of a UTF-16 pair with no other half: not a character, and stored as U+FFFD if let through.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

// Whitespace and invisible format characters (zero-width space and joiners, word joiner, BOM, soft
// hyphen, direction marks): text made only of these shows nothing.
const INVISIBLE = /[\s\p{Cf}]/gu;

/** Whether the text shows anything at all. */
export const isVisibleText = (s: string): boolean => s.replace(INVISIBLE, '').length > 0;

/** Plain text written by a person: no control characters except newline and tab, and not blank. */
export const plainText = (min: number, max: number) =>
  z
    .string()
    .min(min)
    .max(max)
    .refine((s) => !CONTROL_CHARS.test(s), 'must not contain control characters')
    .refine((s) => !BIDI_CONTROLS.test(s), 'must not contain bidirectional override or isolate characters')
    .refine((s) => !LONE_SURROGATE.test(s), 'must not contain unpaired surrogates')
    .refine((s) => min === 0 || isVisibleText(s), 'must not be blank');

export const idParamSchema = z.strictObject({ id: objectIdSchema });
export type IdParam = z.infer<typeof idParamSchema>;

/** Cursor pagination shared by every list endpoint. */
export const pageQuerySchema = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
