/** Applies provider-style substitutions (`{{key}}` → value, plain text, no escaping) to rendered YAML. */
export function applySubstitutions(yaml: string, substitutions: Readonly<Record<string, string>>): string {
  return Object.entries(substitutions).reduce((text, [key, value]) => text.split(`{{${key}}}`).join(value), yaml);
}
