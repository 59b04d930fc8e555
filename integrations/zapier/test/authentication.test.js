'use strict';

const zapier = require('zapier-platform-core');

const App = require('../index');
const { env, authData, platen, serve } = require('./helpers');

const appTester = zapier.createAppTester(App);

describe('authentication', () => {
  test('the test calls /me on the instance the base URL names, and the label says whose key it is', async () => {
    const me = await appTester(App.authentication.test, { authData });
    expect(me).toEqual((await platen('GET', '/me')).data);
    expect(me.account_name).toBeTruthy();
    expect(me.key_label).toBeTruthy();
    expect(me.mode).toBe('live');

    const label = await appTester(App.authentication.connectionLabel, { authData, inputData: me });
    expect(label).toBe(`${me.account_name} (${me.key_label}) @ ${new URL(env.base).host}`);
    const asTest = await appTester(App.authentication.connectionLabel,
      { authData, inputData: { ...me, mode: 'test' } });
    expect(asTest).toBe(`${me.account_name} (${me.key_label}) [test key] @ ${new URL(env.base).host}`);
  });

  test('a base URL pasted with /api/v1 or spaces works the same', async () => {
    for (const base of [`${env.base}/api/v1`, `  ${env.base}//  `, `${env.base}/api/v1/`]) {
      const me = await appTester(App.authentication.test, { authData: { ...authData, base_url: base } });
      expect(me.key_id).toMatch(/^key_/);
    }
  });

  test('a wrong key fails with Platen\'s own message, asking to reconnect', async () => {
    const wrong = `${env.key.slice(0, -4)}AAAA`;
    await expect(appTester(App.authentication.test, { authData: { ...authData, api_key: wrong } }))
      .rejects.toMatchObject({ name: 'ExpiredAuthError', message: expect.stringMatching(/typo|not recognised/i) });
  });

  test('a base URL without a scheme is refused with what to type', async () => {
    await expect(appTester(App.authentication.test, { authData: { ...authData, base_url: 'platen.example.com' } }))
      .rejects.toThrow(/must start with https:\/\/ or http:\/\//);
  });

  test('the key goes to Platen only, never to another host a step downloads from', async () => {
    const other = await serve();
    try {
      await appTester(async (z) => {
        await z.request({ url: `${other.url}/file.csv` });
        return {};
      }, { authData });
      expect(other.requests).toHaveLength(1);
      expect(other.requests[0].headers['x-api-key']).toBeUndefined();
    } finally {
      await other.close();
    }
  });
});
