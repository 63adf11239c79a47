import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';

const root = join(__dirname, '../../../..');
const blueprint = parse(readFileSync(join(root, 'render.yaml'), 'utf8')) as {
  services: { type: string; name: string; envVars?: { key: string; value?: string; sync?: boolean }[] }[];
};
const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
  .scripts;

/** The Render Blueprint fields render.yaml uses (render.com/docs/blueprint-spec), as a JSON schema. */
const envVar = {
  type: 'object',
  required: ['key'],
  additionalProperties: false,
  properties: {
    key: { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$' },
    value: { type: 'string' },
    sync: { const: false },
    generateValue: { type: 'boolean' },
    fromService: {
      type: 'object',
      required: ['type', 'name', 'property'],
      additionalProperties: false,
      properties: {
        type: { enum: ['web', 'pserv', 'worker', 'cron', 'keyvalue', 'redis'] },
        name: { type: 'string' },
        property: { enum: ['host', 'port', 'hostport', 'connectionString'] },
      },
    },
  },
  oneOf: [
    { required: ['value'] },
    { required: ['sync'] },
    { required: ['fromService'] },
    { required: ['generateValue'] },
  ],
};
const schema = {
  type: 'object',
  required: ['services'],
  additionalProperties: false,
  properties: {
    services: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['type', 'name'],
        additionalProperties: false,
        properties: {
          type: { enum: ['web', 'pserv', 'worker', 'cron', 'keyvalue'] },
          name: { type: 'string', minLength: 1 },
          runtime: { enum: ['node', 'docker', 'image', 'python', 'ruby', 'go', 'rust', 'elixir', 'static'] },
          plan: { enum: ['free', 'starter', 'standard', 'pro', 'pro plus', 'pro max', 'pro ultra'] },
          region: { enum: ['oregon', 'ohio', 'virginia', 'frankfurt', 'singapore'] },
          buildCommand: { type: 'string' },
          startCommand: { type: 'string' },
          healthCheckPath: { type: 'string', pattern: '^/' },
          autoDeploy: { type: 'boolean' },
          maxmemoryPolicy: { enum: ['noeviction', 'allkeys-lru', 'volatile-lru', 'allkeys-random', 'volatile-ttl'] },
          ipAllowList: { type: 'array' },
          envVars: { type: 'array', items: envVar },
        },
        if: { properties: { type: { const: 'web' } } },
        then: { required: ['runtime', 'buildCommand', 'startCommand'] },
      },
    },
  },
};

describe('render.yaml (Render Blueprint)', () => {
  it('matches the schema of the blueprint fields it uses', () => {
    const validate = new Ajv({ allErrors: true }).compile(schema);
    expect(validate(blueprint) ? [] : validate.errors).toEqual([]);
  });

  it('agrees with the code: production build and start scripts, health path, secrets from the dashboard, Redis wired', () => {
    const web = blueprint.services.find((s) => s.type === 'web') as (typeof blueprint.services)[number] & {
      buildCommand: string;
      startCommand: string;
      healthCheckPath: string;
    };
    expect(web.buildCommand).toContain('npm run build');
    expect(web.startCommand).toBe('npm run start:prod');
    expect(scripts['build']).toBeDefined();
    expect(scripts['start:prod']).toBeDefined();
    expect(web.healthCheckPath).toBe('/api/health');
    const env = new Map(web.envVars?.map((v) => [v.key, v]));
    expect(env.get('NODE_ENV')?.value).toBe('production');
    for (const secret of [
      'MONGO_URI',
      'JWT_SECRET',
      'JWT_REFRESH_SECRET',
      'FILE_ENCRYPTION_KEY',
      'S3_BUCKET',
      'MISTRAL_API_KEY',
      'SMTP_URL',
    ])
      expect([secret, env.get(secret)?.sync]).toEqual([secret, false]);
    const redis = env.get('REDIS_URL') as { fromService?: { type: string; name: string } };
    expect(blueprint.services).toContainEqual(
      expect.objectContaining({ type: 'keyvalue', name: redis.fromService?.name }),
    );
  });
});
