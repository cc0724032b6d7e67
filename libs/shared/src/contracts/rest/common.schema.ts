import { z } from 'zod';

/** A MongoDB ObjectId as 24 hex characters. */
export const objectIdSchema = z.string().regex(/^[0-9a-fA-F]{24}$/, 'must be a 24-character hex id');

// FerretDB cannot store NUL, and no other control character belongs in prose.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

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
