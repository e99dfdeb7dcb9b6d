/** The calendar napkin assumes: a 30-day month unless the user says otherwise, a 365-day year. */
export const secondsPerDay = 86_400;
export const defaultMonthSeconds = 30 * secondsPerDay;
export const secondsPerYear = 365 * secondsPerDay;
