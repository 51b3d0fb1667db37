// RFC 8058 one-click unsubscribe headers, only ever with an https URL (http on the local stack).
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/app-error';
import { unsubscribeHeaders } from './headers';

describe('unsubscribeHeaders', () => {
  it('lists the one-click URL and the mailto, and asks for one-click POST', () => {
    expect(unsubscribeHeaders({ oneClickUrl: 'https://t.pivotal.example/u/AbC_-1', mailto: 'unsubscribe@pivotal.example' })).toEqual([
      { Name: 'List-Unsubscribe', Value: '<https://t.pivotal.example/u/AbC_-1>, <mailto:unsubscribe@pivotal.example>' },
      { Name: 'List-Unsubscribe-Post', Value: 'List-Unsubscribe=One-Click' },
    ]);
  });

  it('takes a mailto: URL as it is and works without one', () => {
    expect(unsubscribeHeaders({ oneClickUrl: 'https://t.example/u/1', mailto: 'mailto:u@t.example?subject=unsubscribe' })[0]!.Value).toBe(
      '<https://t.example/u/1>, <mailto:u@t.example?subject=unsubscribe>',
    );
    expect(unsubscribeHeaders({ oneClickUrl: 'https://t.example/u/1' })[0]!.Value).toBe('<https://t.example/u/1>');
  });

  it('encodes commas, which would split the list', () => {
    expect(unsubscribeHeaders({ oneClickUrl: 'https://t.example/u/a,b' })[0]!.Value).toBe('<https://t.example/u/a%2Cb>');
  });

  it('allows http only for the local stack', () => {
    expect(unsubscribeHeaders({ oneClickUrl: 'http://127.0.0.1:3000/t/u/1' })[0]!.Value).toBe('<http://127.0.0.1:3000/t/u/1>');
    expect(unsubscribeHeaders({ oneClickUrl: 'http://localhost:3000/t/u/1' })[0]!.Value).toBe('<http://localhost:3000/t/u/1>');
  });

  it.each([
    ['http://t.pivotal.example/u/1', /must be https/],
    ['ftp://t.pivotal.example/u/1', /must be https/],
    ['/t/u/1', /absolute URL/],
    ['https://user:pw@t.example/u/1', /credentials/],
  ])('refuses %s', (oneClickUrl, message) => {
    expect(() => unsubscribeHeaders({ oneClickUrl })).toThrow(message);
    expect(() => unsubscribeHeaders({ oneClickUrl })).toThrow(AppError);
  });

  it.each(['not an address', 'a@b.example, c@d.example', 'a@b.example>\r\nBcc: x@y.example', 'mailto:%E0%A4%A'])('refuses the mailto %s', (mailto) => {
    expect(() => unsubscribeHeaders({ oneClickUrl: 'https://t.example/u/1', mailto })).toThrow(/mailto/);
  });
});
