import { useEffect, useState } from 'react';

const MINUTE_MS = 60_000;

/**
 * The current time in ms, renewed every minute: enough for a countdown shown in minutes and for
 * buttons that appear once a talk has started, without re-rendering the page every second.
 */
export function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), MINUTE_MS);
    return () => clearInterval(timer);
  }, []);
  return now;
}
