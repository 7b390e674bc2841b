/** A set of radio buttons shown as chips (a real radio group: keyboard and screen readers work). */
export function Choice<T extends string | number>({
  legend,
  name,
  options,
  value,
  onChange,
}: {
  legend: string;
  name: string;
  options: readonly { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <fieldset className="field" style={{ border: 'none', padding: 0, margin: '10px 0' }}>
      <legend className="field-label" style={{ fontWeight: 600, fontSize: 14, marginBottom: 4 }}>
        {legend}
      </legend>
      <div className="choice">
        {options.map((option) => (
          <label key={String(option.value)}>
            <input
              type="radio"
              name={name}
              value={String(option.value)}
              checked={option.value === value}
              onChange={() => onChange(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** An amount in yuan as typed: digits with at most two decimals. */
export const AMOUNT = /^\d{1,9}(\.\d{1,2})?$/;
