// The locale a language's messages are formatted in: Myanmar and Khmer official text writes
// numbers in the script's own digits (as shared/dates writes their dates), so their counts do too.
const LOCALES: Record<string, string> = { my: 'my-u-nu-mymr', km: 'km-u-nu-khmr' };

export const localeOf = (language: string): string => LOCALES[language] ?? language;
