import { describe, expect, it } from 'vitest';
import { CAMPAIGN_STATUSES, type CampaignStatus } from '@shared/contracts/email';
import { CAMPAIGN_TRANSITIONS, canMove, sourcesOf } from './transitions';

describe('campaign status transitions', () => {
  const allowed: Array<[CampaignStatus, CampaignStatus]> = [
    ['draft', 'scheduled'],
    ['scheduled', 'sending'],
    ['scheduled', 'draft'],
    ['scheduled', 'paused'],
    ['scheduled', 'cancelled'],
    ['sending', 'paused'],
    ['sending', 'sent'],
    ['sending', 'cancelled'],
    ['paused', 'sending'],
    ['paused', 'scheduled'],
    ['paused', 'cancelled'],
  ];

  it('allows exactly the moves of the lifecycle and nothing else', () => {
    for (const from of CAMPAIGN_STATUSES) {
      for (const to of CAMPAIGN_STATUSES) {
        expect(canMove(from, to), `${from} → ${to}`).toBe(allowed.some(([f, t]) => f === from && t === to));
      }
    }
  });

  it('keeps sent and cancelled final', () => {
    expect(CAMPAIGN_TRANSITIONS.sent).toEqual([]);
    expect(CAMPAIGN_TRANSITIONS.cancelled).toEqual([]);
    expect(sourcesOf('sending')).toEqual(['scheduled', 'paused']);
    expect(sourcesOf('cancelled')).toEqual(['scheduled', 'sending', 'paused']);
  });
});
