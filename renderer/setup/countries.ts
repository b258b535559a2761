// The countries offered when setting up a business (mobile numbers without a country code are
// read for it), named in the browser's language, and the one to preselect.
const COUNTRY_CODES = [
  'AE', 'AT', 'AU', 'BE', 'BR', 'CA', 'CH', 'CZ', 'DE', 'DK', 'ES', 'FI', 'FR', 'GB', 'GR', 'HK', 'HU', 'IE', 'IL', 'IN',
  'IT', 'JP', 'MX', 'MY', 'NL', 'NO', 'NZ', 'PH', 'PL', 'PT', 'RO', 'SA', 'SE', 'SG', 'TH', 'TR', 'US', 'ZA',
] as const;

export type CountryOption = { code: string; name: string };

export function countryOptions(locale?: string): CountryOption[] {
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames(locale ? [locale] : undefined, { type: 'region' });
  } catch {
    names = null;
  }
  return COUNTRY_CODES.map((code) => ({ code, name: names?.of(code) ?? code })).sort((a, b) => a.name.localeCompare(b.name));
}

/** The region of a language tag such as en-GB, when it is one we offer; else none. */
export function countryOfLocale(locale: string | undefined): string {
  const region = locale?.split('-').find((part, index) => index > 0 && /^[A-Z]{2}$/.test(part));
  return region && (COUNTRY_CODES as readonly string[]).includes(region) ? region : '';
}
