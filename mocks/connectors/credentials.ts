// Credentials and replication config of a new connector against its definition. Credentials come in either shape the
// API takes: the auth option's own keys (GitHub `{"token": ...}`, as the connectors' docs show) or the source's config
// (`{"option_title": "PAT Credentials", "personal_access_token": ...}`, as seed 002 shows). A missing key is named.
import type { ConnectorDefinition, CredentialsOption } from './definitions.js';

export interface ConfigProblem {
  field: string;
  message: string;
  error_code: string;
  details: Record<string, unknown> | null;
}

/** A config path without the `credentials.` prefix the source's spec nests the credentials under. */
const configKey = (path: string) => path.replace(/^credentials\./, '');

const present = (value: unknown) => value !== undefined && value !== null && value !== '';

interface OptionFit {
  option: CredentialsOption;
  missing: string[];
}

function fits(option: CredentialsOption, credentials: Record<string, unknown>): OptionFit | null {
  const constants = Object.entries(option.constants ?? {}).map(([path, value]) => [configKey(path), value] as const);
  // A constant that is given must be this option's (option_title "PAT Credentials" picks the PAT option).
  if (constants.some(([key, value]) => Object.hasOwn(credentials, key) && credentials[key] !== value)) return null;
  const ownMissing = option.fields.required.filter((key) => !present(credentials[key]));
  const configMissing = option.fields.required
    .map((key) => Object.entries(option.credentials).find(([, caller]) => caller === key)?.[0])
    .filter((path): path is string => path !== undefined)
    .map(configKey)
    .filter((key) => !present(credentials[key]));
  const usesConfigShape =
    constants.some(([key]) => Object.hasOwn(credentials, key)) ||
    Object.keys(option.credentials).some(
      (path) => configKey(path) !== option.credentials[path] && Object.hasOwn(credentials, configKey(path)),
    );
  return {
    option,
    missing: usesConfigShape ? configMissing : ownMissing.length <= configMissing.length ? ownMissing : configMissing,
  };
}

/** Problems of the credentials given for a connector (none when one of its options is satisfied). */
export function credentialsProblems(definition: ConnectorDefinition, credentials: unknown): ConfigProblem[] {
  if (credentials === undefined || credentials === null) return [];
  if (typeof credentials !== 'object' || Array.isArray(credentials))
    return [{ field: 'credentials', message: 'credentials is an object', error_code: 'type_error', details: null }];
  const candidates = definition.credentials
    .map((option) => fits(option, credentials as Record<string, unknown>))
    .filter((fit): fit is OptionFit => fit !== null);
  if (candidates.some((fit) => fit.missing.length === 0)) return [];
  const options = definition.credentials.map((o) => o.title);
  if (candidates.length === 0) {
    return [
      {
        field: 'credentials',
        message: `credentials match none of ${definition.title}'s options (${options.join(', ')})`,
        error_code: 'value_error',
        details: { options },
      },
    ];
  }
  const best = candidates.reduce((a, b) => (b.missing.length < a.missing.length ? b : a));
  return best.missing.map((key) => ({
    field: `credentials.${key}`,
    message: `credentials.${key} is required for ${definition.title} (${best.option.title})`,
    error_code: 'missing',
    details: { option: best.option.title, options },
  }));
}

/** Problems of the replication config: each required key the connector's definition names and the config lacks. */
export function replicationConfigProblems(
  definition: ConnectorDefinition,
  config: Record<string, unknown>,
): ConfigProblem[] {
  const required: string[] = definition.replicationConfig?.required ?? [];
  return required
    .filter((key) => !present(config[key]))
    .map((key) => ({
      field: `replication_config.${key}`,
      message: `replication_config.${key} is required for ${definition.title}`,
      error_code: 'missing',
      details: { required },
    }));
}
