import { Aikynetix, ConfigError, authHeaders, normalizeBaseUrl } from '@aikynetix/core';

describe('base URL rules', () => {
  it.each([
    ['https://api.aikynetix.app', 'https://api.aikynetix.app'],
    ['https://api.aikynetix.app/', 'https://api.aikynetix.app'],
    ['http://127.0.0.1:4010', 'http://127.0.0.1:4010'],
    ['http://localhost:4010/', 'http://localhost:4010'],
    ['http://[::1]:4010', 'http://[::1]:4010'],
    ['  ', 'https://api.aikynetix.app'],
  ])('accepts %s', (raw, expected) => {
    expect(normalizeBaseUrl(raw)).toBe(expected);
  });

  it.each([
    ['http://api.aikynetix.app', /must use https/],
    ['http://10.0.0.5:8080', /must use https/],
    ['ftp://api.aikynetix.app', /must start with https/],
    ['api.aikynetix.app', /not a valid URL/],
    ['https://user:pw@api.aikynetix.app', /user name or password/],
    ['https://api.aikynetix.app/?x=1', /query or fragment/],
  ])('rejects %s', (raw, message) => {
    expect(() => normalizeBaseUrl(raw)).toThrow(ConfigError);
    expect(() => normalizeBaseUrl(raw)).toThrow(message);
  });

  it('rejects an empty key and an unknown auth style when the client is built', () => {
    expect(() => new Aikynetix({ apiKey: '   ' })).toThrow(/API key is empty/);
    expect(() => new Aikynetix({ apiKey: 'k', auth: 'basic' as never })).toThrow(/Unknown auth style/);
  });
});

describe('auth headers', () => {
  it('builds each documented style', () => {
    expect(authHeaders('authorizationApiKey', 'k1')).toEqual({ authorization: 'API-KEY k1' });
    expect(authHeaders('apiKeyHeader', 'k1')).toEqual({ 'api-key': 'k1' });
    expect(authHeaders('bearer', 'k1')).toEqual({ authorization: 'Bearer k1' });
    expect(authHeaders(undefined, 'k1')).toEqual({ authorization: 'API-KEY k1' });
  });
});
