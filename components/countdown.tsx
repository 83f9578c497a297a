type CountdownProps = {
  /** seconds left, from useCountdown */
  remaining: number;
  /** the sentence before the seconds, e.g. "Too many attempts. Try again in" */
  waiting: string;
  /** what to say once the wait is over */
  done: string;
};

/**
 * "Try again in 42 s", ticking down. The number is a timer (aria-live off), so screen readers
 * announce the wait when it appears and the end of it, not every second in between.
 */
export function Countdown({ remaining, waiting, done }: CountdownProps) {
  if (remaining <= 0) return <>{done}</>;
  return (
    <>
      {waiting}{" "}
      <span role="timer" aria-live="off" className="countdown" data-testid="countdown">
        {remaining} s
      </span>
    </>
  );
}
