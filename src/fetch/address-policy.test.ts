import { describe, expect, it } from 'vitest';
import { checkUrl, judgeAddress, resolveAndCheck } from './address-policy.js';
import { isNewsgraphError } from '../util/errors.js';

async function codeOf(p: Promise<unknown> | (() => unknown)): Promise<string | null> {
  try {
    await (typeof p === 'function' ? p() : p);
    return null;
  } catch (e) {
    if (isNewsgraphError(e)) return String(e.code);
    throw e;
  }
}

describe('judgeAddress', () => {
  const refused = ['127.0.0.1', '10.1.2.3', '172.16.5.4', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '255.255.255.255',
    '224.0.0.1', '192.0.2.10', '198.18.0.1', '240.0.0.1', '::1', '::', 'fe80::1', 'fc00::1', 'fd12:3456::1', 'ff02::1',
    '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', '64:ff9b::7f00:1', '2002:7f00:1::', '2001:db8::1'];
  for (const ip of refused) it(`refuses ${ip}`, () => expect(judgeAddress(ip).allowed).toBe(false));
  for (const ip of ['93.184.216.34', '8.8.8.8', '2606:4700::1111', '::ffff:8.8.8.8']) it(`allows ${ip}`, () => expect(judgeAddress(ip).allowed).toBe(true));
  it('allowPrivate opens loopback and private ranges but not link-local or multicast', () => {
    expect(judgeAddress('127.0.0.1', true).allowed).toBe(true);
    expect(judgeAddress('192.168.0.5', true).allowed).toBe(true);
    expect(judgeAddress('::ffff:127.0.0.1', true).allowed).toBe(true);
    expect(judgeAddress('169.254.169.254', true).allowed).toBe(false);
    expect(judgeAddress('fe80::1', true).allowed).toBe(false);
    expect(judgeAddress('224.0.0.1', true).allowed).toBe(false);
  });
});

describe('checkUrl and resolveAndCheck', () => {
  it('refuses non-http schemes and credentials with bad-url', async () => {
    for (const u of ['file:///etc/passwd', 'data:text/html,hi', 'ftp://ftp.example/x', 'gopher://x.example/', 'javascript:alert(1)', 'not a url', 'http://user:pw@news.example/'])
      expect(await codeOf(() => checkUrl(u)), u).toBe('bad-url');
  });
  it('sees through decimal, octal, hex and IPv4-mapped spellings of loopback', async () => {
    const resolve = async () => [{ address: '93.184.216.34', family: 4 as const }];
    for (const u of ['http://2130706433/', 'http://0177.0.0.1/', 'http://0x7f.1/', 'http://0x7f000001/', 'http://127.1/', 'http://[::ffff:127.0.0.1]/', 'http://[::1]:8080/', 'http://0/'])
      expect(await codeOf(resolveAndCheck(checkUrl(u), { allowPrivate: false, resolve })), u).toBe('blocked-address');
  });
  it('refuses a name if any address it resolves to is refused, and pins an allowed one', async () => {
    const mixed = async () => [{ address: '93.184.216.34', family: 4 as const }, { address: '10.0.0.8', family: 4 as const }];
    expect(await codeOf(resolveAndCheck(checkUrl('http://rebind.example/'), { allowPrivate: false, resolve: mixed }))).toBe('blocked-address');
    const ok = async () => [{ address: '93.184.216.34', family: 4 as const }];
    expect(await resolveAndCheck(checkUrl('http://fine.example/'), { allowPrivate: false, resolve: ok })).toEqual({ address: '93.184.216.34', family: 4 });
  });
  it('reports an unresolvable name as fetch-failed', async () => {
    const none = async () => {
      throw Object.assign(new Error('nope'), { code: 'ENOTFOUND' });
    };
    expect(await codeOf(resolveAndCheck(checkUrl('http://nowhere.invalid/'), { allowPrivate: false, resolve: none }))).toBe('fetch-failed');
  });
});
