import { REASON_CODES, type ReasonCode } from '@agora/shared';

export const REASON_CODE_LABELS: Record<ReasonCode, string> = {
  spam: 'Spam',
  abuse: 'Abuse',
  'off-topic': 'Off topic',
  misinformation: 'Misinformation',
  illegal: 'Illegal',
  other: 'Other',
};

/** The category of a moderator's reason; the author sees it with the reason text. */
export function ReasonCodeSelect({ id, value, onChange }: { id: string; value: ReasonCode; onChange: (code: ReasonCode) => void }) {
  return (
    <>
      <label htmlFor={id}>Reason code</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as ReasonCode)}>
        {REASON_CODES.map((c) => (
          <option key={c} value={c}>
            {REASON_CODE_LABELS[c]}
          </option>
        ))}
      </select>
    </>
  );
}
