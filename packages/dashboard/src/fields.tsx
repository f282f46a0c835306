import { useTranslator } from './i18n';
import { SEXES, type Sex } from './vocabulary';

/** A labelled choice of sex; with `anyLabel`, also "any" (the empty value), as filters need. */
export function SexField<Value extends Sex | ''>({
  id,
  value,
  onChange,
  anyLabel,
}: {
  id: string;
  value: Value;
  onChange(value: Value): void;
  anyLabel?: string;
}) {
  const translator = useTranslator();
  return (
    <div className="field">
      <label htmlFor={id}>{translator.t('sex')}</label>
      <select
        id={id}
        value={value}
        onChange={(event) => {
          const chosen = event.target.value;
          if (chosen === '' && anyLabel !== undefined) return onChange('' as Value);
          const sex = SEXES.find((candidate) => candidate === chosen);
          if (sex) onChange(sex as Value);
        }}
      >
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {SEXES.map((sex) => (
          <option key={sex} value={sex}>
            {translator.sex(sex)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A labelled age in whole years, as typed (validated by whoever reads it). */
export function AgeField({ id, value, onChange }: { id: string; value: string; onChange(value: string): void }) {
  const { t } = useTranslator();
  return (
    <div className="field narrow">
      <label htmlFor={id}>{t('age')}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={0}
        max={120}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
