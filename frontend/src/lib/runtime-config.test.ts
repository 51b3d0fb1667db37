import { describe, expect, it } from 'vitest';
import { authFlowFor, parseRuntimeConfig, userPoolSettings } from './runtime-config';

const cognito = {
  authMode: 'cognito',
  region: 'eu-west-1',
  staffUserPoolId: 'eu-west-1_Staff',
  staffClientId: 'staff-client',
  portalUserPoolId: 'eu-west-1_Portal',
  portalClientId: 'portal-client',
  apiUrl: 'https://d111.cloudfront.net/api',
};

describe('the runtime configuration (/config.json)', () => {
  it('defaults to the local issuer and refuses a Cognito file without its pools', () => {
    expect(parseRuntimeConfig({}).authMode).toBe('local');
    expect(() => parseRuntimeConfig({ ...cognito, portalClientId: undefined })).toThrow(/portalClientId is required/);
    expect(() => parseRuntimeConfig({ authMode: 'saml' })).toThrow();
  });

  it('gives each kind of user its own pool and client, with the endpoint only when there is one', () => {
    const config = parseRuntimeConfig(cognito);
    expect(userPoolSettings(config, 'staff')).toEqual({ userPoolId: 'eu-west-1_Staff', userPoolClientId: 'staff-client' });
    expect(userPoolSettings(config, 'portal')).toEqual({ userPoolId: 'eu-west-1_Portal', userPoolClientId: 'portal-client' });
    const local = parseRuntimeConfig({ ...cognito, userPoolEndpoint: 'http://127.0.0.1:9229' });
    expect(userPoolSettings(local, 'portal').userPoolEndpoint).toBe('http://127.0.0.1:9229');
  });

  it('uses the plain password flow only against an emulator on this machine, SRP otherwise', () => {
    expect(authFlowFor(parseRuntimeConfig(cognito))).toBe('USER_SRP_AUTH');
    expect(authFlowFor(parseRuntimeConfig({ ...cognito, userPoolEndpoint: 'http://127.0.0.1:9229' }))).toBe('USER_PASSWORD_AUTH');
    expect(authFlowFor(parseRuntimeConfig({ ...cognito, userPoolEndpoint: 'http://localhost:9229' }))).toBe('USER_PASSWORD_AUTH');
    expect(authFlowFor(parseRuntimeConfig({ ...cognito, userPoolEndpoint: 'https://cognito-proxy.example.com' }))).toBe('USER_SRP_AUTH');
  });
});
