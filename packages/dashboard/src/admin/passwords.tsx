import { useId, useState } from 'react';
import { useTranslator } from '../i18n';
import { PasswordPolicy } from './parts';

export interface NewPassword {
  password: string;
  repeated: string;
}

export const NO_PASSWORD: NewPassword = { password: '', repeated: '' };

/** A new password typed twice, described by the policy it must meet. */
export function NewPasswordFields({
  value,
  onChange,
  label,
}: {
  value: NewPassword;
  onChange(value: NewPassword): void;
  label: string;
}) {
  const { t } = useTranslator();
  const id = useId();
  return (
    <>
      <PasswordPolicy id={`${id}-policy`} />
      <label htmlFor={`${id}-new`}>{label}</label>
      <input
        id={`${id}-new`}
        type="password"
        autoComplete="new-password"
        required
        aria-describedby={`${id}-policy`}
        value={value.password}
        onChange={(event) => onChange({ ...value, password: event.target.value })}
      />
      <label htmlFor={`${id}-repeat`}>{t('adminRepeatPassword')}</label>
      <input
        id={`${id}-repeat`}
        type="password"
        autoComplete="new-password"
        required
        value={value.repeated}
        onChange={(event) => onChange({ ...value, repeated: event.target.value })}
      />
    </>
  );
}

/** The check the server cannot make: both entries agree. */
export function usePasswordMismatch(): [string | null, (value: NewPassword) => boolean] {
  const { t } = useTranslator();
  const [mismatch, setMismatch] = useState<string | null>(null);
  const check = (value: NewPassword): boolean => {
    const same = value.password === value.repeated;
    setMismatch(same ? null : t('adminPasswordsDiffer'));
    return same;
  };
  return [mismatch, check];
}
