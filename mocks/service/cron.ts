// Quartz cron expressions (seconds first, `?` for the day field left open): checked field by field and described in
// words, as the connection-template describe endpoint does.

const FIELDS = [
  { name: 'seconds', min: 0, max: 59 },
  { name: 'minutes', min: 0, max: 59 },
  { name: 'hours', min: 0, max: 23 },
  { name: 'day-of-month', min: 1, max: 31, open: true },
  {
    name: 'month',
    min: 1,
    max: 12,
    names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'],
  },
  { name: 'day-of-week', min: 1, max: 7, open: true, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] },
  { name: 'year', min: 1970, max: 2199 },
] as const;

function checkField(text: string, field: (typeof FIELDS)[number]): string | undefined {
  if (text === '*') return undefined;
  if (text === '?')
    return 'open' in field && field.open
      ? undefined
      : `? is only allowed in day-of-month and day-of-week, not ${field.name}`;
  const names: readonly string[] = 'names' in field ? field.names : [];
  const value = (part: string) => {
    const index = names.indexOf(part.toUpperCase());
    const number = index >= 0 ? index + field.min : Number(part);
    return Number.isInteger(number) && number >= field.min && number <= field.max ? number : undefined;
  };
  for (const item of text.split(',')) {
    const [range, step] = item.split('/');
    if (step !== undefined && !(Number.isInteger(Number(step)) && Number(step) > 0))
      return `bad step ${step} in ${field.name}`;
    if (range === '*' || (step !== undefined && range === '0')) continue;
    if (field.name === 'day-of-month' && /^(L|LW|\d{1,2}W)$/.test(range!)) continue;
    if (field.name === 'day-of-week' && /^(\d|[A-Z]{3})(L|#[1-5])$/i.test(range!)) continue;
    const bounds = range!.split('-');
    if (bounds.length > 2 || bounds.some((b) => value(b) === undefined))
      return `${range} is out of range for ${field.name} (${field.min}-${field.max})`;
  }
  return undefined;
}

export function describeCron(expression: string): { description: string; is_valid: boolean } {
  const parts = expression.trim().split(/\s+/);
  if (parts.length < 6 || parts.length > 7) {
    return {
      description: `Invalid cron expression: expected 6 or 7 fields (seconds minutes hours day-of-month month day-of-week [year]), got ${parts.length}`,
      is_valid: false,
    };
  }
  for (let i = 0; i < parts.length; i++) {
    const problem = checkField(parts[i]!, FIELDS[i]!);
    if (problem) return { description: `Invalid cron expression: ${problem}`, is_valid: false };
  }
  const [second, minute, hour, dayOfMonth, month, dayOfWeek] = parts as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  if ((dayOfMonth === '?') === (dayOfWeek === '?')) {
    return {
      description: 'Invalid cron expression: exactly one of day-of-month and day-of-week must be ?',
      is_valid: false,
    };
  }
  const everyDay =
    (dayOfMonth === '*' || dayOfMonth === '?') && (dayOfWeek === '*' || dayOfWeek === '?') && month === '*';
  const pad = (n: string) => n.padStart(2, '0');
  let description: string;
  if (everyDay && second === '0' && minute === '0' && hour === '*') description = 'Every hour';
  else if (everyDay && second === '0' && minute === '0' && /^(\*|0)\/\d+$/.test(hour))
    description = `Every ${hour.split('/')[1]} hours`;
  else if (everyDay && second === '0' && /^(\*|0)\/\d+$/.test(minute) && hour === '*')
    description = `Every ${minute.split('/')[1]} minutes`;
  else if (everyDay && second === '0' && /^\d+$/.test(minute) && /^\d+$/.test(hour))
    description = `At ${pad(hour)}:${pad(minute)} every day`;
  else
    description = `At second ${second}, minute ${minute}, hour ${hour}, day-of-month ${dayOfMonth}, month ${month}, day-of-week ${dayOfWeek}`;
  return { description, is_valid: true };
}
