// The workloads of the benchmark: a user as Auth0 stores it and a PATCH body, both as a server holds them
// (parsed from JSON once), plus the body's text for the JSON.parse baseline.

const typicalUser = {
  user_id: 'auth0|507f1f77bcf86cd799439020',
  email: 'jane.doe@example.com',
  email_verified: true,
  username: 'janedoe',
  phone_number: '+14155550100',
  phone_verified: false,
  created_at: '2024-01-01T00:00:00.000Z',
  updated_at: '2024-06-01T00:00:00.000Z',
  identities: [
    {
      connection: 'Username-Password-Authentication',
      user_id: '507f1f77bcf86cd799439020',
      provider: 'auth0',
      isSocial: false,
    },
    {
      connection: 'google-oauth2',
      user_id: '109876543210987654321',
      provider: 'google-oauth2',
      isSocial: true,
      profileData: { locale: 'en', hd: 'example.com' },
    },
  ],
  picture:
    'https://s.gravatar.com/avatar/7ff4b4b5bb6b3c1d2a0ce2f8e5e0c5a1?s=480&r=pg&d=https%3A%2F%2Fcdn.auth0.com%2Favatars%2Fja.png',
  name: 'Jane Doe',
  nickname: 'jane',
  given_name: 'Jane',
  family_name: 'Doe',
  multifactor: ['guardian'],
  last_ip: '203.0.113.7',
  last_login: '2024-06-01T00:00:00.000Z',
  logins_count: 42,
  blocked: false,
  user_metadata: {
    hobby: 'surfing',
    theme: 'dark',
    language: 'en',
    timezone: 'Europe/Amsterdam',
    notifications: { email: true, sms: false, push: { marketing: false, security: true } },
    favourites: ['beaches', 'boards', 'waves'],
  },
  app_metadata: {
    plan: 'full',
    roles: ['viewer', 'editor'],
    tenant: 'acme',
    flags: { beta: true, newBilling: false },
    stripeCustomerId: 'cus_9s6XKzkNRiz8i3',
  },
};

const fromJson = (value) => JSON.parse(JSON.stringify(value));

function workload(name, user, patch) {
  const patchText = JSON.stringify(patch);
  return { name, user: fromJson(user), patch: JSON.parse(patchText), patchText };
}

function metadataWithKeys(count) {
  const metadata = {};
  for (let index = 0; index < count; index++) metadata[`key${index}`] = { value: index, label: `Label ${index}` };
  return metadata;
}

/** A JSON subtree of about `bytes` bytes: an array of small records. */
function subtree(bytes) {
  const records = [];
  let size = 2;
  for (let index = 0; size < bytes; index++) {
    const record = {
      id: index,
      name: `Record ${index}`,
      tags: ['alpha', 'beta'],
      score: index * 1.5,
      active: index % 2 === 0,
    };
    size += JSON.stringify(record).length + 1;
    records.push(record);
  }
  return records;
}

const addHome = { user_metadata: { addresses: { home: '123 Main Street, Anytown, ST 12345' } } };

export const workloads = [
  workload('typical: the Auth0 page patch, 1.6 KB user', typicalUser, addHome),
  workload(
    '1 KB untouched subtree',
    { ...typicalUser, user_metadata: { ...typicalUser.user_metadata, history: subtree(1024) } },
    addHome,
  ),
  workload(
    '1 MB untouched subtree',
    { ...typicalUser, user_metadata: { ...typicalUser.user_metadata, history: subtree(1024 * 1024) } },
    addHome,
  ),
  workload('10 metadata keys', { ...typicalUser, user_metadata: metadataWithKeys(10) }, addHome),
  workload('1,000 metadata keys', { ...typicalUser, user_metadata: metadataWithKeys(1000) }, addHome),
  workload('10,000 metadata keys', { ...typicalUser, user_metadata: metadataWithKeys(10_000) }, addHome),
  workload('1 MB patch', typicalUser, { user_metadata: { history: subtree(1024 * 1024) } }),
  workload(
    '100 deletions',
    { ...typicalUser, user_metadata: metadataWithKeys(200) },
    {
      user_metadata: Object.fromEntries(Array.from({ length: 100 }, (_, index) => [`key${index * 2}`, null])),
    },
  ),
];
