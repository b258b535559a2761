// Checks the contact details staff enter for a client (R11): a mobile number valid for the
// workspace's country (libphonenumber-js, stored in E.164) and an email address. Each problem
// is reported against its field, in words a receptionist can act on.
import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { z } from 'zod';

export type FieldError = { path: string; message: string };
export type Checked<T> = { ok: true; value: T } | { ok: false; error: FieldError };

const emailSchema = z.email();

const countryName = (country: string): string => {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' }).of(country) ?? country;
  } catch {
    return country;
  }
};

/** The workspace's country if libphonenumber knows it; else numbers need their +country code. */
export const phoneCountry = (country: string): CountryCode | undefined =>
  isSupportedCountry(country) ? country : undefined;

/** '' means no number. A number without +country code is read in the workspace's country. */
export function checkMobile(input: string, workspaceCountry: string): Checked<string | null> {
  const text = input.trim();
  if (text === '') return { ok: true, value: null };
  const country = phoneCountry(workspaceCountry);
  const number = parsePhoneNumberFromString(text, country ? { defaultCountry: country } : undefined);
  if (!number?.isValid()) {
    const message = country
      ? `Enter a valid mobile number for ${countryName(country)}, or start with + and the country code.`
      : 'Enter a valid mobile number starting with + and the country code.';
    return { ok: false, error: { path: 'mobile', message } };
  }
  const type = number.getType();
  if (type !== undefined && type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE') {
    return { ok: false, error: { path: 'mobile', message: 'This is not a mobile number. Text messages need a mobile number.' } };
  }
  return { ok: true, value: number.number };
}

/** '' means no address. Stored trimmed and as typed (the domain part is case-insensitive). */
export function checkEmail(input: string): Checked<string | null> {
  const text = input.trim();
  if (text === '') return { ok: true, value: null };
  if (!emailSchema.safeParse(text).success) {
    return { ok: false, error: { path: 'email', message: 'Enter a valid email address, like name@example.com.' } };
  }
  return { ok: true, value: text };
}

/** Whether an address stored earlier may still be sent to (old rows were never checked). */
export const deliverableAddress = {
  email: (address: string | null): address is string => address !== null && checkEmail(address).ok,
  sms: (address: string | null, workspaceCountry: string): address is string =>
    address !== null && checkMobile(address, workspaceCountry).ok,
};
