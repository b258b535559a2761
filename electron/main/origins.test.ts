import { describe, expect, it } from 'vitest';
import { appOrigins, isAppUrl, originOf } from './origins';

describe('originOf', () => {
  it('keeps scheme, host and port of custom and web schemes', () => {
    expect(originOf('app://inbox/index.html?x=1#top')).toBe('app://inbox');
    expect(originOf('http://localhost:5173/src/main.tsx')).toBe('http://localhost:5173');
  });

  it('returns null for URLs without a host and for garbage', () => {
    expect(originOf('about:blank')).toBeNull();
    expect(originOf('data:text/html,<p>hi</p>')).toBeNull();
    expect(originOf('not a url')).toBeNull();
  });
});

describe('isAppUrl', () => {
  it('accepts only the app origin when there is no dev server', () => {
    const origins = appOrigins(undefined);
    expect(isAppUrl('app://inbox/index.html', origins)).toBe(true);
    expect(isAppUrl('app://evil/index.html', origins)).toBe(false);
    expect(isAppUrl('http://localhost:5173/', origins)).toBe(false);
  });

  it('adds the dev server origin, but not its neighbours', () => {
    const origins = appOrigins('http://localhost:5173/');
    expect(isAppUrl('http://localhost:5173/index.html', origins)).toBe(true);
    expect(isAppUrl('http://localhost:5174/index.html', origins)).toBe(false);
    expect(isAppUrl('https://localhost:5173/index.html', origins)).toBe(false);
  });

  it('is not fooled by userinfo that looks like the app host', () => {
    expect(isAppUrl('https://app:inbox@evil.example/', appOrigins(undefined))).toBe(false);
  });
});
