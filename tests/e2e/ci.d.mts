/** Whether `env.CI` holds a truthy value (see ci.mjs). */
export function isCi(env?: Record<string, string | undefined>): boolean;
