/** Where a setting's value came from, strongest first. */
export const settingSources = ['flag', 'env', 'config', 'default'] as const;

export type SettingSource = (typeof settingSources)[number];

/** One setting as each source gives it (undefined: that source says nothing). */
export type SettingLayers<T> = Partial<Record<SettingSource, T | undefined>>;

/** The one precedence rule of every command: flag, then env variable, then config file, then default. */
export function precedence<T>(layers: SettingLayers<T>): { value: T | undefined; from?: SettingSource } {
  for (const from of settingSources) {
    const value = layers[from];
    if (value !== undefined) return { value, from };
  }
  return { value: undefined };
}

/** An env variable's value, with an empty one counted as not set. */
export function envValue(env: NodeJS.ProcessEnv, name: string): string | undefined {
  return env[name] === '' ? undefined : env[name];
}
