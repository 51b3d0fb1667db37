import { App, Duration, Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../local/static-files';
import { gatewayAuthorizerFor } from './constructs/module-api';
import { scheduleRate } from './constructs/scheduled-jobs';
import { contentSecurityPolicy } from './constructs/spa-hosting';
import { accessFor, type FunctionAccessTable } from './function-access';
import { readSettings } from './settings';
import { testApp } from './test-app';

describe('the gateway authorizer of a route', () => {
  it('is the staff pool for staff-only roles and the portal pool for client-only ones', () => {
    expect(gatewayAuthorizerFor(['admin'])).toBe('staff');
    expect(gatewayAuthorizerFor(['campaign_manager', 'agent', 'quality_analyst'])).toBe('staff');
    expect(gatewayAuthorizerFor(['client_user'])).toBe('portal');
  });

  it('is none for public, authenticated and mixed routes (the Lambda verifies both pools)', () => {
    expect(gatewayAuthorizerFor('public')).toBe('none');
    expect(gatewayAuthorizerFor('authenticated')).toBe('none');
    expect(gatewayAuthorizerFor(['admin', 'client_user'])).toBe('none');
    expect(gatewayAuthorizerFor([])).toBe('none');
  });
});

describe('a schedule rate', () => {
  it('is whole minutes, rounded up, at least one', () => {
    expect(scheduleRate(3600).toMinutes()).toBe(60);
    expect(scheduleRate(30).toMinutes()).toBe(1);
    expect(scheduleRate(61).toMinutes()).toBe(2);
    expect(scheduleRate(60)).toEqual(Duration.minutes(1));
  });

  it('refuses zero, negative and non-numeric intervals', () => {
    expect(() => scheduleRate(0)).toThrow(/positive/);
    expect(() => scheduleRate(-5)).toThrow(/positive/);
    expect(() => scheduleRate(Number.NaN)).toThrow(/positive/);
  });
});

describe('the content security policy on CloudFront', () => {
  it('is the local stack’s, with the extra connect-src origins', () => {
    const local = SECURITY_HEADERS['content-security-policy']!;
    expect(contentSecurityPolicy([])).toBe(local);
    const widened = contentSecurityPolicy(['https://cognito-idp.eu-west-1.amazonaws.com']);
    expect(widened).toContain("connect-src 'self' https://cognito-idp.eu-west-1.amazonaws.com;");
    expect(widened.replace(" https://cognito-idp.eu-west-1.amazonaws.com", '')).toBe(local);
  });

  it('lets audio play from the data bucket (call recordings) and from nowhere else by default', () => {
    expect(SECURITY_HEADERS['content-security-policy']).not.toContain('media-src');
    const withMedia = contentSecurityPolicy([], ['https://data.s3.eu-west-1.amazonaws.com']);
    expect(withMedia).toContain("media-src 'self' https://data.s3.eu-west-1.amazonaws.com;");
    expect(withMedia.replace(" media-src 'self' https://data.s3.eu-west-1.amazonaws.com;", '')).toBe(SECURITY_HEADERS['content-security-policy']);
  });
});

describe('deploy settings from context', () => {
  const settings = (context: Record<string, unknown>) => readSettings(new App({ context }).node);

  it('defaults to an admin named admin and no email domain', () => {
    expect(settings({})).toMatchObject({ adminUsername: 'admin', adminEmail: 'admin@crm.local' });
    expect(settings({}).emailDomain).toBeUndefined();
    expect(settings({}).appVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(settings({})).toMatchObject({ openaiModel: 'gpt-4.1-mini', leadsEnrichment: false });
    expect(settings({ openaiModel: 'gpt-4.1', leadsEnrichment: 'true' })).toMatchObject({ openaiModel: 'gpt-4.1', leadsEnrichment: true });
    expect(() => settings({ leadsEnrichment: 'maybe' })).toThrow(/leadsEnrichment must be true or false/);
  });

  it('derives the admin email from the email domain, lower-cased', () => {
    expect(settings({ emailDomain: 'Mail.Example.COM' })).toMatchObject({ emailDomain: 'mail.example.com', adminEmail: 'admin@mail.example.com' });
    expect(settings({ emailDomain: 'example.com', adminEmail: 'Ops@Example.com', adminUsername: 'ops' })).toMatchObject({ adminEmail: 'ops@example.com', adminUsername: 'ops' });
  });

  it('refuses a malformed domain or email, and non-string values, naming the setting', () => {
    expect(() => settings({ emailDomain: 'not a domain' })).toThrow(/emailDomain/);
    expect(() => settings({ emailDomain: 'https://example.com' })).toThrow(/emailDomain/);
    expect(() => settings({ adminEmail: 'nobody' })).toThrow(/adminEmail/);
    expect(() => settings({ adminUsername: 42 })).toThrow(/adminUsername must be a string/);
    expect(() => settings({ cognitoEmailFromSes: 'yes', emailDomain: 'example.com' })).toThrow(/cognitoEmailFromSes must be true or false/);
    expect(() => settings({ cognitoEmailFromSes: 'true' })).toThrow(/needs emailDomain/);
  });

  it('sends Cognito mail through SES only when asked, once the domain is verified', () => {
    expect(settings({ emailDomain: 'example.com' }).cognitoEmailFromSes).toBe(false);
    expect(settings({ emailDomain: 'example.com', cognitoEmailFromSes: 'true' }).cognitoEmailFromSes).toBe(true);
    expect(settings({ emailDomain: 'example.com', cognitoEmailFromSes: true }).cognitoEmailFromSes).toBe(true);
  });
});

describe('a function’s declared access', () => {
  const table: FunctionAccessTable = {
    'functions/src/handlers/leads.ts': { workflows: { start: true } },
    'functions/src/handlers/lead-*.ts': { leadsAi: true },
    'functions/src/handlers/lead-delivery-*.ts': { deliverySecrets: 'read' },
    'functions/src/handlers/lead-delivery-send.ts': { deliverySecrets: 'manage' },
  };

  it('is its own entry’s, else the longest pattern’s that matches, else nothing', () => {
    expect(accessFor(table, 'functions/src/handlers/leads.ts')).toEqual({ workflows: { start: true } });
    expect(accessFor(table, 'functions/src/handlers/lead-score.ts')).toEqual({ leadsAi: true });
    expect(accessFor(table, 'functions/src/handlers/lead-delivery-csv.ts')).toEqual({ deliverySecrets: 'read' });
    expect(accessFor(table, 'functions/src/handlers/lead-delivery-send.ts')).toEqual({ deliverySecrets: 'manage' });
    expect(accessFor(table, 'functions/src/handlers/telephony.ts')).toEqual({});
    // A pattern stays within its folder and its suffix.
    expect(accessFor(table, 'functions/src/handlers/lead-x/y.ts')).toEqual({});
    expect(accessFor(table, 'functions/src/handlers/lead-score.tsx')).toEqual({});
    expect(accessFor(table, 'functions/src/handlers/leadxscore.ts')).toEqual({});
  });
});

describe('the cdk-nag gate', () => {
  it('fails synthesis on a finding nobody acknowledged', () => {
    const app = testApp();
    new s3.Bucket(new Stack(app, 'Careless'), 'OpenBucket');
    expect(() => app.synth()).toThrow(/AwsSolutions-S10/);
  });
});
